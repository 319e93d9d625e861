/** Agento's error body: `{ "error": { "code", "message" } }`, never SSE. */
export function errorResponse(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message } }, { status, headers });
}

/** Adds the headers a response does not set itself (a response the emulator built is still mutable). */
export function withDefaultHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
}
