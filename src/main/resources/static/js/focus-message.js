// After a save, an acknowledgement or a failed form, keyboard and screen-reader users
// should start at what happened, not at the top of an unchanged-looking page: move
// focus to the message the server rendered. In order: a message marked for it (the
// flash after a Post/Redirect/Get, a form's error summary), any other error message in
// the page's main area, else the first field marked invalid.
(() => {
  const target = document.querySelector('[data-focus-on-load]:not([hidden])')
    ?? document.querySelector('main .alert-danger:not([hidden])')
    ?? document.querySelector('main .is-invalid');
  if (!target) {
    return;
  }
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) {
    target.setAttribute('tabindex', '-1');
  }
  target.focus();
})();
