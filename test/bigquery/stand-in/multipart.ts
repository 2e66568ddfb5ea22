/**
 * The body of a `multipart/related` upload, as the client sends a load job: the job resource as
 * JSON, then the data. (The client uploads local files in one multipart request; it never uses
 * the resumable protocol, so the stand-in does not implement it.)
 */
export function parseMultipart(contentType: string, body: Buffer): { metadata: unknown; data: Buffer } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new Error("multipart upload without a boundary");
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const end = body.indexOf(delimiter, start);
    if (end < 0) break;
    parts.push(body.subarray(start, end));
    at = end;
  }
  const content = (part: Buffer) => {
    const split = part.indexOf("\r\n\r\n");
    let data = part.subarray(split + 4);
    if (data.subarray(-2).toString() === "\r\n") data = data.subarray(0, -2);
    return data;
  };
  if (parts.length !== 2) throw new Error(`multipart upload with ${parts.length} parts (expected 2)`);
  return { metadata: JSON.parse(content(parts[0]!).toString("utf8")), data: content(parts[1]!) };
}
