// The one place that talks HTTP to the host: cookie session, CSRF header, problem documents.

export interface FieldProblem { pointer: string; detail: string }
export interface Problem {
  type?: string; title?: string; status?: number; detail?: string;
  errors?: FieldProblem[];
  // script-error extensions
  script?: string; line?: number; column?: number; message?: string; limit?: string;
  currentVersion?: string;
  [key: string]: unknown;
}

/** An HTTP error answered with an RFC 9457 problem document (or something we turned into one). */
export class ProblemError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
  /** Field errors keyed by field name (the pointer's first segment, "/amount" → "amount"). */
  fieldErrors(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const e of this.problem.errors ?? []) {
      const name = (e.pointer ?? '').split('/').filter(Boolean)[0] ?? '';
      (out[name] ??= []).push(e.detail);
    }
    return out;
  }
}

let unauthorizedHandler: ((tenant: string) => void) | null = null;
/** Called when a tenant route answers 401 (the session ended): the app goes to the sign-in page. */
export function onUnauthorized(handler: ((tenant: string) => void) | null) { unauthorizedHandler = handler; }

export interface ApiResponse<T> { data: T; etag: string | null; status: number }

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not redirect to sign-in on 401 (the sign-in and "who am I" calls themselves). */
  quiet401?: boolean;
}

export async function request<T>(tenant: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // Cookie-authenticated writes must carry X-Requested-With (the host's CSRF rule).
  if (method !== 'GET') headers['X-Requested-With'] = 'XMLHttpRequest';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const url = `/api/${encodeURIComponent(tenant)}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method, headers, credentials: 'same-origin', signal: options.signal,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ProblemError(0, { title: 'Network error', detail: (e as Error).message });
  }
  const etag = response.headers.get('ETag');
  const text = response.status === 204 ? '' : await response.text();
  let data: unknown = undefined;
  if (text) { try { data = JSON.parse(text); } catch { data = text; } }
  if (!response.ok) {
    const problem: Problem = data && typeof data === 'object' ? (data as Problem) : { title: response.statusText, detail: String(data ?? '') };
    if (response.status === 401 && !options.quiet401) unauthorizedHandler?.(tenant);
    throw new ProblemError(response.status, { status: response.status, ...problem });
  }
  return { data: data as T, etag, status: response.status };
}

export async function get<T>(tenant: string, path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>(tenant, path, { signal })).data;
}

/** Builds a query string from OData-style options, leaving out empty ones. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
