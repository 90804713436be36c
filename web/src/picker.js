// Search-as-you-type over the actors in the store (GET /v1/actors?q=…), with keyboard support.

import { api, esc } from './api.js';

export function actorPicker(root, { onPick, codes }) {
  const input = root.querySelector('input');
  const list = root.querySelector('ul');
  let items = [];
  let active = -1;
  let seq = 0;
  let timer = 0;
  let current = null; // { code, name }

  function render() {
    list.innerHTML = items
      .map(
        (a, i) =>
          `<li role="option" id="${list.id}-${i}" data-index="${i}" aria-selected="${i === active}" class="${i === active ? 'active' : ''}">
             <span class="name">${esc(a.name || a.code)}</span>
             <span class="code">${esc(a.code)}</span>
             <span class="count">${a.as_source + a.as_target} events</span>
           </li>`,
      )
      .join('');
    const open = items.length > 0 && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
  }

  async function search() {
    const mine = ++seq;
    const q = input.value.trim();
    try {
      const res = await api('/v1/actors', { q, top: 12, codes: codes() });
      if (mine !== seq) return; // a later keystroke won
      items = res.actors;
      active = items.length ? 0 : -1;
      render();
    } catch (e) {
      items = [];
      render();
    }
  }

  function pick(a) {
    current = a;
    input.value = a ? `${a.name || a.code} (${a.code})` : '';
    items = [];
    render();
    onPick(a ? a.code : '');
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  input.addEventListener('focus', () => {
    input.select();
    search();
  });
  input.addEventListener('blur', () =>
    setTimeout(() => {
      items = [];
      render();
      // Leaving the field without a choice keeps the last one.
      if (current) input.value = `${current.name || current.code} (${current.code})`;
      else if (input.value.trim() === '') onPick('');
    }, 150),
  );
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && items.length) {
      active = (active + 1) % items.length;
      render();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && items.length) {
      active = (active - 1 + items.length) % items.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      if (active >= 0 && items[active]) pick(items[active]);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      items = [];
      render();
    }
  });
  list.addEventListener('mousedown', (e) => {
    const li = e.target.closest('li');
    if (li) {
      pick(items[Number(li.dataset.index)]);
      e.preventDefault();
    }
  });

  return {
    // Sets the shown actor without a search (from the URL, the network or a swap).
    set(code, name) {
      current = code ? { code, name } : null;
      input.value = code ? `${name || code} (${code})` : '';
    },
    get value() {
      return current?.code || '';
    },
    get current() {
      return current;
    },
  };
}
