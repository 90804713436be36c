// The API client: GET with query parameters, errors as the server's own message.

export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && v !== false) url.searchParams.set(k, String(v));
  }
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    throw new Error(body?.error?.message || `${res.status} ${res.statusText}`);
  }
  return body;
}

// Escapes text for innerHTML.
export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export const QUAD = [
  { key: 'verbal_cooperation', name: 'Verbal cooperation', color: '#7fc8a9' },
  { key: 'material_cooperation', name: 'Material cooperation', color: '#1b7f6b' },
  { key: 'verbal_conflict', name: 'Verbal conflict', color: '#f4a261' },
  { key: 'material_conflict', name: 'Material conflict', color: '#c0392b' },
];

// −10 (conflict) … +10 (cooperation) as a colour.
export function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, (g ?? 0) / 10));
  const lerp = (a, b, u) => Math.round(a + (b - a) * u);
  const grey = [150, 150, 150];
  const to = t >= 0 ? [27, 127, 107] : [192, 57, 43];
  const u = Math.abs(t) ** 0.7;
  return `rgb(${lerp(grey[0], to[0], u)},${lerp(grey[1], to[1], u)},${lerp(grey[2], to[2], u)})`;
}

// balance −1 … +1 as a colour.
export function balanceColor(b) {
  return goldsteinColor((b ?? 0) * 10);
}

// A shared tooltip that follows the pointer.
export function tooltip() {
  const el = document.getElementById('tooltip');
  return {
    show(ev, html) {
      el.innerHTML = html;
      el.hidden = false;
      const pad = 14;
      const { innerWidth: w } = window;
      const x = Math.min(ev.clientX + pad, w - el.offsetWidth - pad);
      el.style.left = `${x}px`;
      el.style.top = `${ev.clientY + pad}px`;
    },
    hide() {
      el.hidden = true;
    },
  };
}
