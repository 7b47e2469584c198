// The one place the UI talks to the server (API-CONTRACT.md). Cookies carry the
// session; every non-GET request carries the CSRF token the server handed out at
// login or from /api/me. Errors come back as ApiError with the server's
// {code, message, field}.

let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token || null;
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.code || 'internal';
    this.field = normalizeField(body?.field) || fieldFromMessage(body?.message);
  }
}

// "/items/0/eccn" and "items/0/eccn" name the same field.
function normalizeField(field) {
  if (!field) return null;
  return String(field).replace(/^\/+/, '');
}

// The library's messages start with the JSON path when the server gives no field
// ("/items/0/quantity: expected an integer").
function fieldFromMessage(message) {
  const m = /^\/([A-Za-z0-9_/]+):/.exec(message || '');
  return m ? m[1] : null;
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (body instanceof FormData) {
    init.body = body; // multipart/form-data: the browser writes the boundary
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { code: 'io_error', message: `cannot reach the server: ${e.message}` });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { message: text.slice(0, 300) };
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && path !== '/api/login') {
      window.dispatchEvent(new CustomEvent('tollgate:unauthenticated'));
    }
    throw error;
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body ?? {});
// Files (a list upload) as multipart/form-data.
export const upload = (path, formData) => api('POST', path, formData);

// A file upload through XMLHttpRequest, whose upload events tell how much of the body
// has gone (fetch has no such events): onProgress(sent, total) as it goes, then the
// server's answer or an ApiError as `api` gives them.
export function uploadWithProgress(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded, event.total);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { code: 'io_error', message: 'cannot reach the server' })));
    xhr.addEventListener('load', () => {
      let data = null;
      if (xhr.responseText) {
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = { message: xhr.responseText.slice(0, 300) };
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data);
        return;
      }
      if (xhr.status === 401) window.dispatchEvent(new CustomEvent('tollgate:unauthenticated'));
      reject(new ApiError(xhr.status, data));
    });
    xhr.send(formData);
  });
}

// A query string from an object, leaving out empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}
