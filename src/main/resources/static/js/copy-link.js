// "Copy link" buttons next to invitation links. Without JavaScript or the Clipboard API
// the buttons stay hidden and the link is there to select by hand.
const copied = document.querySelector('[data-copied-text]')?.textContent ?? '';
const failed = document.querySelector('[data-copy-failed-text]')?.textContent ?? '';

if (navigator.clipboard && window.isSecureContext) {
  document.querySelectorAll('[data-copy]').forEach((button) => {
    const source = document.getElementById(button.dataset.copyFrom);
    const status = button.parentElement.querySelector('[data-copied]');
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        status.textContent = copied;
      } catch (error) {
        status.textContent = failed;
      }
    });
  });
}
