// The few protobuf messages of wx.openApi (field numbers from wx-server-sdk 4.0.2's bundled schema).
// Hand-written: two varints and length-delimited fields are all these messages use.

type Field = { no: number; wire: 0 | 2; value: number | Buffer };

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return [result, pos];
    shift += 7;
  }
}

function writeVarint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n >= 0 ? n : 2 ** 64 + n;
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    bytes.push(b);
  } while (v > 0);
  return Buffer.from(bytes);
}

export function decodeFields(buf: Buffer): Field[] {
  const fields: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    let tag: number;
    [tag, pos] = readVarint(buf, pos);
    const no = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      let v: number;
      [v, pos] = readVarint(buf, pos);
      fields.push({ no, wire: 0, value: v });
    } else if (wire === 2) {
      let len: number;
      [len, pos] = readVarint(buf, pos);
      fields.push({ no, wire: 2, value: buf.subarray(pos, pos + len) });
      pos += len;
    } else {
      throw new Error(`unsupported wire type ${wire}`);
    }
  }
  return fields;
}

export function encodeFields(fields: Field[]): Buffer {
  const parts: Buffer[] = [];
  for (const f of fields) {
    parts.push(writeVarint(f.no * 8 + f.wire));
    if (f.wire === 0) parts.push(writeVarint(f.value as number));
    else {
      const b = f.value as Buffer;
      parts.push(writeVarint(b.length), b);
    }
  }
  return Buffer.concat(parts);
}

/** CommApiData{apiType=1, openapiData=2{pairs=1{key=1,value=2}}, appid=6} → the call's parameters. */
export function decodeOpenApiRequest(buf: Buffer): { appid: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  let appid = '';
  for (const f of decodeFields(buf)) {
    if (f.no === 6 && f.wire === 2) appid = (f.value as Buffer).toString('utf8');
    if (f.no !== 2 || f.wire !== 2) continue;
    for (const pair of decodeFields(f.value as Buffer)) {
      if (pair.no !== 1 || pair.wire !== 2) continue;
      let key = '';
      let value: Buffer = Buffer.alloc(0);
      for (const kv of decodeFields(pair.value as Buffer)) {
        if (kv.no === 1) key = (kv.value as Buffer).toString('utf8');
        if (kv.no === 2) value = kv.value as Buffer;
      }
      const text = value.toString('utf8');
      try {
        params[key] = JSON.parse(text);
      } catch {
        params[key] = text;
      }
    }
  }
  return { appid, params };
}

/** CommOpenApiResp{respData=1, contentType=2, errorCode=3, httpCode=4}. */
export function encodeOpenApiResponse(body: unknown, errorCode = 0): Buffer {
  return encodeFields([
    { no: 1, wire: 2, value: Buffer.from(JSON.stringify(body), 'utf8') },
    { no: 2, wire: 2, value: Buffer.from('application/json', 'utf8') },
    { no: 3, wire: 0, value: errorCode },
    { no: 4, wire: 0, value: 200 },
  ]);
}

/** Minimal multipart/form-data parser for the SDK's openapi requests. */
export function parseMultipart(body: Buffer, contentType: string): Record<string, Buffer> {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new Error('multipart body without boundary');
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const out: Record<string, Buffer> = {};
  let pos = body.indexOf(boundary);
  while (pos !== -1) {
    const start = pos + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(boundary, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // skip CRLF after boundary and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]+)"/i.exec(headers)?.[1];
    if (name) out[name] = part.subarray(headerEnd + 4);
    pos = next;
  }
  return out;
}
