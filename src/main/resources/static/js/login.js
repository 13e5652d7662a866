// Demo mode: a click on "Use" fills in the form with that demo account.
document.querySelectorAll('[data-demo-login]').forEach((button) => {
  button.addEventListener('click', () => {
    document.getElementById('username').value = button.dataset.email;
    document.getElementById('password').value = button.dataset.password;
    document.getElementById('password').form.requestSubmit();
  });
});
