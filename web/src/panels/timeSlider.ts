import { parseAsOf } from '../scene/asof.js';

/**
 * The time slider in the toolbar: a year slider for coarse moves, a text field for a year or a
 * month, and "Now" to clear. It reports dates; the controller re-runs the scene's queries for them.
 * The slider's right end means "now" (no date), so the whole graph is one move away.
 */
export class TimeSlider {
  private readonly now: number;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly slider: HTMLInputElement,
    private readonly input: HTMLInputElement,
    clear: HTMLButtonElement,
    private readonly change: (asOf: string | null) => void,
    private readonly invalid: (text: string) => void,
  ) {
    this.now = new Date().getFullYear() + 1;
    slider.max = String(this.now);
    slider.value = String(this.now);
    slider.setAttribute('aria-valuetext', 'now');
    slider.addEventListener('input', () => {
      const year = Number(slider.value);
      this.input.value = year >= this.now ? '' : String(year);
      slider.setAttribute('aria-valuetext', this.input.value || 'now');
    });
    slider.addEventListener('change', () => this.submit());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    input.addEventListener('change', () => this.submit());
    clear.addEventListener('click', () => {
      this.input.value = '';
      this.submit();
    });
  }

  /** Shows the scene's date (after undo, a permalink, or a refused date). */
  show(asOf: string | null): void {
    if (document.activeElement !== this.input) this.input.value = asOf ?? '';
    this.input.removeAttribute('aria-invalid');
    const year = asOf ? Number(asOf.slice(0, 4)) : this.now;
    this.slider.value = String(Math.min(year, this.now));
    this.slider.setAttribute('aria-valuetext', asOf ?? 'now');
    this.form.dataset.active = asOf ? 'true' : 'false';
  }

  private submit(): void {
    const asOf = parseAsOf(this.input.value);
    if (asOf === undefined) {
      this.input.setAttribute('aria-invalid', 'true');
      this.invalid(this.input.value);
      return;
    }
    this.input.removeAttribute('aria-invalid');
    this.change(asOf);
  }
}
