// Who is logged in, shared by the views. Filled from POST /api/login or GET /api/me.
import { setCsrfToken } from './api.js';

export const session = { user: null };

export function setSession(data) {
  session.user = data?.user || null;
  setCsrfToken(data?.csrf_token);
}

export function hasRole(...roles) {
  return !!session.user && roles.includes(session.user.role);
}

// Where each role starts after logging in.
export function homeFor(user) {
  if (!user) return '#/login';
  if (user.role === 'applicant' || user.role === 'reviewer' || user.role === 'agency') return '#/applications';
  if (user.role === 'oversight') return '#/reports';
  return '#/screen';
}
