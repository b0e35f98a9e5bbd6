// What every page may use, all optional: the pages work without script.
document.addEventListener('DOMContentLoaded', () => {
  collapsibleMenu();
  selectAll();
  wideConfirmation();
});

// On a narrow screen the menu folds behind a "Menu" button, so it takes one line instead of three.
function collapsibleMenu() {
  const button = document.querySelector('.menu-toggle');
  const menu = document.getElementById('menu');
  if (!button || !menu) {
    return;
  }
  const narrow = window.matchMedia('(max-width: 40rem)');
  const fold = () => {
    button.hidden = !narrow.matches;
    menu.classList.toggle('folded', narrow.matches && button.getAttribute('aria-expanded') !== 'true');
  };
  button.addEventListener('click', () => {
    button.setAttribute('aria-expanded', String(button.getAttribute('aria-expanded') !== 'true'));
    fold();
  });
  narrow.addEventListener('change', fold);
  fold();
}

// A jail's page: one box ticks or clears every address of the page.
function selectAll() {
  document.querySelectorAll('[data-select-all]').forEach((all) => {
    const boxes = () => document.querySelectorAll('input[type=checkbox][name="' + all.dataset.selectAll + '"]');
    all.hidden = false;
    const update = () => {
      const checked = [...boxes()].filter((box) => box.checked).length;
      all.checked = checked > 0 && checked === boxes().length;
      all.indeterminate = checked > 0 && checked < boxes().length;
    };
    all.addEventListener('change', () => boxes().forEach((box) => { box.checked = all.checked; }));
    boxes().forEach((box) => box.addEventListener('change', update));
    update();
  });
}

// The confirmation of a wide trust only matters when a trust is chosen.
function wideConfirmation() {
  const trust = document.getElementById('trust');
  const confirmation = document.getElementById('confirm-wide');
  if (!trust || !confirmation) {
    return;
  }
  const update = () => { confirmation.hidden = trust.value === 'none'; };
  trust.addEventListener('change', update);
  update();
}
