// Links to a moment of a session (design.md 3.7): the app's address with the session in the
// fragment (`#scenario=…`, from the worker's exportSession), and the same in `?embed=1` for an
// iframe. Pure string work, so tests and the console API share it with the Share dialog.

/** The app's address without query or fragment, e.g. "https://example.org/kafka/". */
export function appBase(location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}`;
}

export function shareUrl(base: string, fragment: string): string {
  return `${base}#${fragment}`;
}

export function embedUrl(base: string, fragment: string): string {
  return `${base}?embed=1#${fragment}`;
}

/** An iframe that shows the moment in embed mode, 800 × 450 (it reads well at that size). */
export function embedCode(base: string, fragment: string, title: string): string {
  return (
    `<iframe src="${escapeAttribute(embedUrl(base, fragment))}" title="${escapeAttribute(title)}" ` +
    `width="800" height="450" style="border:0" loading="lazy" allowfullscreen></iframe>`
  );
}

/** Is the page asked to show embed mode (`?embed=1`)? */
export function isEmbedMode(search: string): boolean {
  const value = new URLSearchParams(search).get('embed');
  return value === '1' || value === 'true';
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
