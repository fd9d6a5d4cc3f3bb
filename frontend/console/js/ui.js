/**
 * What every panel of the console does with the page around it: the live log, errors shown next to the control that
 * caused them, buttons that run one request at a time.
 */
import { ApiError } from './api.js';
import { $, el, time } from './dom.js';

export function log(text) {
  const list = $('#log');
  list.prepend(el('li', {}, `${time(new Date().toISOString()).slice(11)} ${text}`));
  while (list.children.length > 80) list.lastChild.remove();
}

export function show(target, error) {
  const node = typeof target === 'string' ? $(target) : target;
  node.textContent = error ? (error instanceof ApiError ? error.message : String(error)) : '';
  node.hidden = !error;
}

/** Runs an action of a button, showing its error next to it and disabling the button meanwhile. */
export function action(button, errorTarget, run) {
  button.addEventListener('click', async (e) => {
    e.preventDefault();
    button.disabled = true;
    show(errorTarget, null);
    try {
      await run();
    } catch (error) {
      show(errorTarget, error);
      log(`error: ${error.message}`);
    } finally {
      button.disabled = false;
    }
  });
}

export function debounce(fn, ms) {
  let timer = null;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}
