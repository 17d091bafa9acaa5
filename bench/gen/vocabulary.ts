/**
 * Norwegian word lists for synthetic names. Plenty of æ, ø and å on purpose: search must fold them
 * ("Bjørn" found by "bjorn"), and ids must slug them ("bjorn-saether").
 */

export const FIRST_NAMES = [
  'Kari', 'Ola', 'Bjørn', 'Bjørg', 'Øystein', 'Åse', 'Ståle', 'Sølvi', 'Håkon', 'Kåre', 'Gro', 'Tor', 'Ingrid',
  'Jørgen', 'Åsmund', 'Ørjan', 'Signe', 'Marit', 'Solveig', 'Kjersti', 'Trond', 'Geir', 'Siri', 'Nils', 'Hege',
  'Liv', 'Rune', 'Torbjørn', 'Bjørnar', 'Øyvind', 'Jørn', 'Pål', 'Hanne', 'Tone', 'Eirik', 'Sindre', 'Ragnhild',
  'Anne', 'Berit', 'Frøydis', 'Gunnhild', 'Hallvard', 'Ivar', 'Jostein', 'Knut', 'Lars', 'Magnhild', 'Nina',
  'Oddbjørn', 'Per', 'Randi', 'Sigrid', 'Terje', 'Unni', 'Vegard', 'Yngve', 'Åshild', 'Ægir', 'Astrid', 'Brynjar',
  'Cecilie', 'Dagfinn', 'Elin', 'Finn', 'Grete', 'Helge', 'Inger', 'Jon', 'Kristin', 'Leif', 'Mona', 'Njål', 'Oda',
  'Petter', 'Ruth', 'Steinar', 'Tove', 'Vibeke', 'Aud', 'Bård', 'Dag', 'Even', 'Frode', 'Gaute', 'Heidi', 'Ingvild',
  'Jan', 'Kjetil', 'Line', 'Morten', 'Nora', 'Odd', 'Ranveig', 'Svein', 'Turid', 'Vidar', 'Wenche', 'Ylva', 'Åge',
  'Marte', 'Emma', 'Sofie', 'Nora', 'Jakob', 'Emil', 'Sander', 'Henrik', 'Mathias', 'Ida', 'Thea', 'Maja', 'Sølve',
  'Gøril', 'Tormod', 'Arild', 'Bente', 'Camilla', 'Dordi', 'Eldbjørg', 'Førde', 'Gisle', 'Hårek', 'Idun', 'Jøran',
];

export const MIDDLE_NAMES = ['', '', '', 'Marie', 'Helene', 'Kristian', 'Andre', 'Sofie', 'Johan', 'Elise', 'Magnus', 'Louise', 'Emil', 'Irene', 'Olav', 'Kristine', 'Aleksander', 'Karoline', 'Nikolai', 'Margrethe', 'Sverre', 'Ingeborg', 'Halvor', 'Synnøve', 'Tormod', 'Åsta', 'Bjørnstjerne', 'Oline', 'Ragnvald', 'Dagny'];

export const SURNAMES = [
  'Nordmann', 'Jære', 'Bjørklund', 'Sæther', 'Løvås', 'Østby', 'Aasen', 'Hågensen', 'Strøm', 'Næss', 'Ødegård',
  'Åsheim', 'Brække', 'Kværnes', 'Bråten', 'Sørensen', 'Bøe', 'Haugen', 'Hansen', 'Johansen', 'Olsen', 'Larsen',
  'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg',
  'Dahl', 'Halvorsen', 'Iversen', 'Moen', 'Jacobsen', 'Lund', 'Solberg', 'Jørgensen', 'Kristoffersen', 'Bakken',
  'Gundersen', 'Rasmussen', 'Holm', 'Svendsen', 'Myhre', 'Mathisen', 'Ødegaard', 'Lie', 'Hovland', 'Fjeld',
  'Stølen', 'Grønli', 'Tjøtta', 'Myklebust', 'Rønning', 'Sæbø', 'Ørsnes', 'Våge', 'Bjørnstad', 'Frøland',
  'Gjæver', 'Hærem', 'Isaksen', 'Jøssang', 'Kvåle', 'Lægreid', 'Mørk', 'Nøkleby', 'Opsahl', 'Pålsrud', 'Rød',
  'Skjæran', 'Tønnessen', 'Ulvestad', 'Vårdal', 'Wærnes', 'Øverland', 'Ålien', 'Amundsen', 'Brenden', 'Christensen',
  'Drønen', 'Eikeland', 'Flåten', 'Grøtta', 'Hatlevik', 'Indrebø', 'Juvik', 'Kolstad', 'Lyngstad', 'Melhus',
  'Nesheim', 'Orheim', 'Presthus', 'Rekdal', 'Skrøvset', 'Teigen', 'Uthaug', 'Vatnøy', 'Wiik', 'Ystebø', 'Årdal',
  'Bjørge', 'Dæhli', 'Fløtten', 'Gåsland', 'Hølaas', 'Kjærstad', 'Løkken', 'Mæland', 'Nærland', 'Rølvåg', 'Sjøvold',
  'Tørre', 'Ulvøy', 'Vølstad', 'Ånesen', 'Øvrebø', 'Aamodt', 'Bergersen', 'Dybdahl', 'Engebretsen', 'Furuseth',
  'Grønvold', 'Holmøy', 'Jåstad', 'Kleppe', 'Lervåg', 'Moldestad', 'Nyhus', 'Ottesen', 'Rasten', 'Storsæter',
];

/** Place-name parts; combined they give a few hundred plausible, partly invented Norwegian place names. */
export const PLACE_HEADS = ['Bjørke', 'Lyng', 'Fjell', 'Sjø', 'Nord', 'Sør', 'Øst', 'Vest', 'Heg', 'Ros', 'Bru', 'Myr', 'Lø', 'Kvern', 'Ås', 'Strand', 'Elve', 'Furu', 'Gran', 'Hav', 'Is', 'Kløv', 'Lia', 'Mo', 'Nes', 'Ore', 'Rå', 'Stein', 'Tjern', 'Ur', 'Vå', 'Ør', 'Bø', 'Dal', 'Eng', 'Fos', 'Gjø', 'Hø', 'Kjøl', 'Lå'];
export const PLACE_TAILS = ['lid', 'dal', 'vik', 'haug', 'nes', 'berg', 'stad', 'mo', 'sund', 'øy', 'ås', 'fjord', 'heim', 'rud', 'bø', 'land', 'våg', 'strand', 'seter', 'by'];
export const REAL_PLACES = ['Oslo', 'Bergen', 'Trondheim', 'Tromsø', 'Bodø', 'Ålesund', 'Førde', 'Tønsberg', 'Lærdal', 'Sørreisa', 'Hønefoss', 'Kongsvinger', 'Stavanger', 'Kristiansand', 'Molde', 'Hammerfest', 'Røros', 'Gjøvik', 'Hamar', 'Lillehammer', 'Sandnessjøen', 'Mo i Rana', 'Ørsta', 'Volda', 'Årdal', 'Måløy', 'Mosjøen', 'Brønnøysund', 'Svolvær', 'Alta'];

export const REGIONS = ['Sør-Øst', 'Vest', 'Midt-Norge', 'Nord'];
export const ORG_WORDS = ['Nordlys', 'Fjordlys', 'Midnattsol', 'Polarstjerne', 'Havbris', 'Bjørkeskog', 'Fossekall', 'Lyngheia', 'Sjøsprøyt', 'Tindeklatrer', 'Vårsol', 'Østavind', 'Ærfugl', 'Åkerblom', 'Nordavind', 'Storfjell', 'Blåbær', 'Tyttebær', 'Krøkebær', 'Multebær', 'Furutopp', 'Granlund', 'Elvebakken', 'Solstråle', 'Stjernehimmel'];

/** Organisation name patterns; `{p}` a place, `{r}` a region, `{w}` a made-up word, `{s}` a surname. */
export const ORG_PATTERNS = [
  '{p} kommune', '{p} kommune', '{p} kommune', 'Sykehuset {p} HF', '{p} legesenter', '{p} legevakt', '{w} Data AS',
  '{w} IKT AS', '{s} & {s2} AS', 'Helse {p} HF', '{p} sykehjem', '{p} helsestasjon', 'Universitetet i {p}',
  '{p} interkommunale IKT', '{w} Helse AS', 'Senter for e-helse {p}', '{p} fylkeskommune', '{w} Rådgivning AS',
];
export const REGIONAL_ORGS = ['Helse Sør-Øst RHF', 'Helse Vest RHF', 'Helse Midt-Norge RHF', 'Helse Nord RHF', 'Sykehuspartner HF', 'Helse Nord IKT', 'Helse Vest IKT', 'Norsk helsenett SF', 'Direktoratet for e-helse', 'Helsedirektoratet'];

export const VENDOR_PATTERNS = ['{w} Systemer AS', '{w}soft AS', '{s} Data AS', '{w} Health AB', '{w} Medical ApS', '{s} Teknologi AS', '{w} Cloud AS', '{w} Analyse AS'];
export const PRODUCT_NOUNS = ['Journal', 'Kurve', 'Arena', 'Portal', 'Melding', 'Lab', 'Røntgen', 'Kjernejournal', 'Timebok', 'Legemiddel', 'Pasientreise', 'Samhandling', 'Innsyn', 'Velferd', 'Sikkerhet', 'Analyse'];

/** Programme full names: `{a}` an adjective, `{n}` a noun phrase, `{p}` a place or region. */
export const PROGRAMME_ADJECTIVES = ['Felles', 'Regional', 'Nasjonal', 'Digital', 'Trygg', 'Helhetlig', 'Moderne', 'Åpen', 'Sømløs', 'Samordnet'];
export const PROGRAMME_NOUNS = ['journalløsning', 'kurveløsning', 'samhandling', 'infrastruktur', 'pasientflyt', 'legemiddelhåndtering', 'innbyggertjenester', 'modernisering', 'skyplattform', 'datadeling', 'kjernejournal', 'velferdsteknologi', 'tjenesteutvikling', 'informasjonssikkerhet', 'bildediagnostikk'];

export const EVENT_PATTERNS = ['E-helsekonferansen {p} {y}', 'Ledermøte i {p} {y}', 'Fagdag om {t} {y}', 'Innovasjonsseminar {p} {y}', 'Helse-IT-dagene {y} i {p}', 'Årsmøte {w} {y}'];
export const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

export const TOPIC_BASES = ['digitalisering', 'kunstig intelligens', 'informasjonssikkerhet', 'skytjenester', 'pasientsikkerhet', 'samhandling', 'velferdsteknologi', 'journalsystemer', 'personvern', 'interoperabilitet', 'standardisering', 'innbyggertjenester', 'kompetanse', 'anskaffelser', 'drift', 'infrastruktur', 'beredskap', 'helsedata', 'e-resept', 'kjernejournal', 'fjernoppfølging', 'automatisering', 'språkmodeller', 'åpne data', 'økonomi', 'bærekraft', 'rekruttering', 'gevinstrealisering', 'sikkerhetskultur', 'tilgangsstyring'];
export const TOPIC_QUALIFIERS = ['i kommunene', 'i sykehusene', 'i primærhelsetjenesten', 'i nord', 'i sør', 'for innbyggere', 'for helsepersonell', 'i regionene', 'på tvers av nivåer', 'i psykisk helsevern', 'i akuttmedisin', 'i fastlegeordningen'];

export const ROLE_TITLES = ['direktør', 'administrerende direktør', 'seksjonsleder', 'rådgiver', 'prosjektleder', 'overlege', 'IKT-sjef', 'styreleder', 'fagdirektør', 'avdelingsleder', 'økonomidirektør', 'sikkerhetssjef', 'arkitekt', 'programleder'];
export const AHEAD_AREAS = ['infrastruktur', 'skytjenester', 'informasjonssikkerhet', 'automatisering', 'datadeling', 'brukervennlighet'];
