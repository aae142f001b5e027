// How wide a piece of scene text will be, so badges and chips can be sized to their words in
// either language (CJK glyphs are about twice as wide as Latin ones). Measured with the page's
// own font on a canvas; outside a browser, estimated.
let context: CanvasRenderingContext2D | null | undefined;
let family = 'sans-serif';

export function textWidth(text: string, size: number, weight = 650): number {
  if (context === undefined) {
    context =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) family = getComputedStyle(document.body).fontFamily || family;
  }
  if (!context) {
    return [...text].reduce((w, ch) => w + size * (ch.charCodeAt(0) > 0x2e80 ? 1.04 : 0.62), 0);
  }
  context.font = `${weight} ${size}px ${family}`;
  return context.measureText(text).width;
}
