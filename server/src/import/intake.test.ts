import { describe, expect, it } from 'vitest';
import { IntakeError, MAX_DOCUMENT_BYTES, contentHash, decodeUtf8, guessFormat, intake } from './intake.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof IntakeError) return error.code;
    throw error;
  }
  return undefined;
}

describe('intake', () => {
  it('reduces HTML to its text: scripts and styles dropped, entities decoded, blocks as paragraphs', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style></head><body>
      <h1>Ny direkt&oslash;r</h1><script>alert("x")</script>
      <p>Gro J&aelig;re, administrerende direkt&oslash;r i <b>Sykehuspartner</b>&nbsp;HF.</p><p>Andre avsnitt &amp; mer.</p>
      </body></html>`;
    const document = intake({ title: 'Ny direktør', body: html });
    expect(document.format).toBe('html');
    expect(document.text).toBe('Ny direktør\n\nGro Jære, administrerende direktør i Sykehuspartner\u00a0HF.\n\nAndre avsnitt & mer.');
    expect(document.text).not.toContain('alert');
    expect(document.text).not.toContain('color');
  });

  it('reduces Markdown to its text', () => {
    const markdown = '# Ny direktør\n\n**Gro Jære** er ny sjef i [Sykehuspartner](https://sykehuspartner.no).\n\n* punkt én\n> sitat';
    const document = intake({ title: 'Ny direktør', body: markdown });
    expect(document.format).toBe('markdown');
    expect(document.text).toBe('Ny direktør\n\nGro Jære er ny sjef i Sykehuspartner.\n\n- punkt én\nsitat');
  });

  it('leaves plain text as it is, apart from line ends and trailing spaces', () => {
    const document = intake({ title: 'Tittel', body: 'Tittel\r\n\r\nTekst med * og _ og <3.  \r\n' });
    expect(document.format).toBe('text');
    expect(document.text).toBe('Tittel\n\nTekst med * og _ og <3.');
  });

  it('decodes UTF-8 bytes and refuses other encodings', () => {
    expect(decodeUtf8(new TextEncoder().encode('Helse Sør-Øst'))).toBe('Helse Sør-Øst');
    const latin1 = Uint8Array.from([0x48, 0x65, 0x6c, 0x73, 0x65, 0x20, 0x53, 0xf8, 0x72]);
    expect(codeOf(() => intake({ title: 't', body: latin1 }))).toBe('BAD_ENCODING');
  });

  it('refuses binary data: NUL bytes (also UTF-16 text read as bytes) and control characters', () => {
    expect(codeOf(() => intake({ title: 't', body: 'PK\u0003\u0004\u0000\u0000 data' }))).toBe('BINARY');
    const utf16 = new Uint8Array(Buffer.from('Helse Nord IKT', 'utf16le'));
    expect(codeOf(() => intake({ title: 't', body: utf16 }))).toBe('BINARY');
    expect(codeOf(() => intake({ title: 't', body: 'abc\u0001\u0002\u0003\u0004' }))).toBe('BINARY');
  });

  it('refuses more than 5 MB, as a string or as bytes, and accepts just under it', () => {
    const big = 'a'.repeat(MAX_DOCUMENT_BYTES + 1);
    expect(codeOf(() => intake({ title: 't', body: big }))).toBe('TOO_LARGE');
    expect(codeOf(() => intake({ title: 't', body: new Uint8Array(MAX_DOCUMENT_BYTES + 1) }))).toBe('TOO_LARGE');
    // Two bytes per "ø": the limit counts bytes, not characters.
    expect(codeOf(() => intake({ title: 't', body: 'ø'.repeat(MAX_DOCUMENT_BYTES / 2 + 1) }))).toBe('TOO_LARGE');
    expect(intake({ title: 't', body: 'a'.repeat(MAX_DOCUMENT_BYTES) }).text.length).toBe(MAX_DOCUMENT_BYTES);
  });

  it('refuses an empty text and a text that is only its title', () => {
    expect(codeOf(() => intake({ title: 't', body: '  \n\n ' }))).toBe('EMPTY');
    expect(codeOf(() => intake({ title: 't', body: '<html><script>x()</script></html>' }))).toBe('EMPTY');
    expect(codeOf(() => intake({ title: 'Nytt styre i Helseplattformen AS', body: 'Nytt styre i  Helseplattformen AS\n' }))).toBe('TITLE_ONLY');
  });

  it('hashes the normalised text: the same article hashes alike, any change of words does not', () => {
    const a = intake({ title: 't', body: 'Linje én\r\nLinje to  \r\n' });
    const b = intake({ title: 't', body: 'Linje én\nLinje to\n' });
    const c = intake({ title: 't', body: 'Linje én\nLinje tre\n' });
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).not.toBe(c.contentHash);
    expect(contentHash('x')).toMatch(/^[0-9a-f]{64}$/);
    // NFC: "é" composed and decomposed are the same text.
    expect(contentHash('Kafe\u0301')).toBe(contentHash('Kafé'));
  });

  it('guesses the format from the content', () => {
    expect(guessFormat('<p>Hei</p>')).toBe('html');
    expect(guessFormat('## Overskrift\n\nTekst')).toBe('markdown');
    expect(guessFormat('Helse Nord IKT leder prosjekter.')).toBe('text');
  });
});
