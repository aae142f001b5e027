// Parse JSON and, when it is broken, say where (line and column) and why in plain words.
// JSON.parse decides what is valid; its messages differ between Node and browsers and often
// carry no position, so on failure a small scanner walks the text to find the first problem.

export type JsonParse =
  { ok: true; value: unknown } | { ok: false; line: number; column: number; problem: string };

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const found = findJsonProblem(text) ?? {
      offset: 0,
      problem: error instanceof Error ? error.message : String(error),
    };
    return { ok: false, ...lineAndColumn(text, found.offset), problem: found.problem };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

class Problem {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

/** The first syntax problem in `text`, or null if it is valid JSON. */
export function findJsonProblem(text: string): { offset: number; problem: string } | null {
  let pos = 0;

  const found = (): string => (pos >= text.length ? 'the end of the text' : `'${text[pos]}'`);
  const fail = (problem: string, at = pos): never => {
    throw new Problem(at, problem);
  };
  const skipSpace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
    if (text.startsWith('//', pos) || text.startsWith('/*', pos))
      fail('JSON does not allow comments');
  };
  const expectMore = (what: string) => {
    if (pos >= text.length) fail(`the text ends where ${what} should be (something cut off?)`);
  };

  const value = (): void => {
    skipSpace();
    expectMore('a value');
    const c = text[pos];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === "'") fail('strings need double quotes ("), not single quotes');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return;
      }
    }
    fail(`expected a value (object, list, string, number, true, false or null), found ${found()}`);
  };

  const object = () => {
    pos++; // {
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      expectMore('a property name');
      if (text[pos] === '}')
        fail("trailing comma before '}': JSON allows no comma after the last property");
      if (text[pos] === "'") fail('property names need double quotes ("), not single quotes');
      if (text[pos] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
      const nameAt = pos;
      string();
      const name = text.slice(nameAt, pos);
      skipSpace();
      if (text[pos] !== ':') fail(`expected ':' after the property name ${name}, found ${found()}`);
      pos++;
      value();
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      expectMore("'}'");
      fail(`expected ',' or '}' after the value of ${name}, found ${found()} (a missing comma?)`);
    }
  };

  const array = () => {
    pos++; // [
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === ']')
        fail("trailing comma before ']': JSON allows no comma after the last item");
      value();
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return;
      }
      expectMore("']'");
      fail(`expected ',' or ']' after a list item, found ${found()} (a missing comma?)`);
    }
  };

  const string = () => {
    const start = pos;
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length) fail('this string has no closing quote', start);
      const c = text[pos];
      if (c === '"') {
        pos++;
        return;
      }
      if (c === '\n' || c === '\r')
        fail('a string cannot contain a line break (a missing closing quote?)');
      if (c < ' ') fail('a string cannot contain control characters such as tabs; write \\t');
      if (c === '\\') {
        const escape = text[pos + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
            fail('\\u must be followed by 4 hex digits');
          pos += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(escape) || escape === '')
          fail(`\\${escape} is not a JSON escape`);
        pos += 2;
        continue;
      }
      pos++;
    }
  };

  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos));
    if (!match) fail('this is not a valid JSON number');
    pos += match![0].length;
    if (pos < text.length && /[\w.]/.test(text[pos])) fail('this is not a valid JSON number');
  };

  try {
    value();
    skipSpace();
    if (pos < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
    return null;
  } catch (error) {
    if (error instanceof Problem) return { offset: error.offset, problem: error.problem };
    throw error;
  }
}
