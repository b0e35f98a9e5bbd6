// "Put it in the field": adds the visitor's own address to the Unban IP field. The page works without it.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('use-my-address');
  const field = document.getElementById('ips');
  if (!button || !field) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', () => {
    const address = button.dataset.address;
    const values = field.value.split(/[\s,]+/).filter((value) => value.length > 0);
    if (!values.includes(address)) {
      values.push(address);
    }
    field.value = values.join(', ');
    field.focus();
  });
});
