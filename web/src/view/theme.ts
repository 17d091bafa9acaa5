import type { Theme } from '../graph/style.js';

/** The system's colour scheme now, and a callback whenever it changes. */
export function followSystemTheme(onChange: (theme: Theme) => void): Theme {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', () => onChange(query.matches ? 'dark' : 'light'));
  return query.matches ? 'dark' : 'light';
}
