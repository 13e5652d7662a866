// The editor: a new post's "ask everyone to acknowledge" follows the priority's default
// until the author sets it themselves. Without JavaScript the author ticks it by hand.
document.querySelectorAll('form[data-announcement-editor][data-new]').forEach((form) => {
  const priority = form.querySelector('#priority');
  const ack = form.querySelector('input[type=checkbox][name=ackRequired]');
  if (!priority || !ack) {
    return;
  }
  let touched = false;
  ack.addEventListener('change', () => {
    touched = true;
  });
  priority.addEventListener('change', () => {
    const option = priority.selectedOptions[0];
    if (!touched && option && option.dataset.ackDefault !== undefined) {
      ack.checked = option.dataset.ackDefault === 'true';
    }
  });
});
