// UTF-8 encoding as Java's `String.getBytes(StandardCharsets.UTF_8)` does it. The engine compiles
// without DOM or Node types, so TextEncoder/Buffer are unavailable: this is the encoder.
//
// Decision (checked against OpenJDK's String.encodeUTF8_UTF16, which getBytes(Charset) calls
// with doReplace=true): a surrogate pair becomes 4 bytes; a lone surrogate (a high one not
// followed by a low one, or a stray low one) becomes the single byte '?' (0x3F), and the char
// after a lone high surrogate is encoded on its own. TextEncoder/Node would write EF BF BD
// instead; well-formed strings encode identically either way.

const QUESTION_MARK = 0x3f;
const REPLACEMENT = 0xfffd;

/** Number of bytes `utf8Encode(s)` produces, without allocating. */
export function utf8Length(s: string): number {
  let bytes = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c < 0xd800 || c > 0xdfff) bytes += 3;
    else if (c <= 0xdbff && i + 1 < n && isLowSurrogate(s.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 1; // lone surrogate -> '?'
  }
  return bytes;
}

/** Java-compatible UTF-8 bytes of a string. */
export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  utf8EncodeInto(s, out, 0);
  return out;
}

/** Writes the UTF-8 bytes of `s` at `offset`; returns the offset after the last byte. */
export function utf8EncodeInto(s: string, out: Uint8Array, offset: number): number {
  let p = offset;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out[p++] = c;
    } else if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      out[p++] = 0xe0 | (c >> 12);
      out[p++] = 0x80 | ((c >> 6) & 0x3f);
      out[p++] = 0x80 | (c & 0x3f);
    } else if (c <= 0xdbff && i + 1 < n && isLowSurrogate(s.charCodeAt(i + 1))) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      out[p++] = 0xf0 | (cp >> 18);
      out[p++] = 0x80 | ((cp >> 12) & 0x3f);
      out[p++] = 0x80 | ((cp >> 6) & 0x3f);
      out[p++] = 0x80 | (cp & 0x3f);
    } else {
      out[p++] = QUESTION_MARK;
    }
  }
  return p;
}

/**
 * Decodes UTF-8 bytes to a string (record keys/values shown in the UI, tests). Malformed input
 * decodes as the WHATWG decoder (TextDecoder, Node) does: one U+FFFD per maximal bad subpart.
 */
export function utf8Decode(bytes: Uint8Array): string {
  const parts: string[] = [];
  let codePoints: number[] = [];
  const emit = (cp: number): void => {
    codePoints.push(cp);
    if (codePoints.length === 4096) {
      parts.push(String.fromCodePoint(...codePoints));
      codePoints = [];
    }
  };
  let needed = 0;
  let seen = 0;
  let cp = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b <= 0x7f) emit(b);
      else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x07;
      } else emit(REPLACEMENT);
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one bad subpart; this byte starts over.
      needed = seen = cp = 0;
      lower = 0x80;
      upper = 0xbf;
      emit(REPLACEMENT);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      emit(cp);
      needed = seen = cp = 0;
    }
  }
  if (needed !== 0) emit(REPLACEMENT);
  parts.push(String.fromCodePoint(...codePoints));
  return parts.join('');
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
