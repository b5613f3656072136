// "Deliver on behalf": the dialog, the quantity stepper, and the gross profit as the partner types.
// The price rule itself is order-service's: a price below the product's is still sent, and refused there.
(function () {
  'use strict';
  // A picture that does not load is left out (here, not in an onerror attribute: the pages allow no inline script).
  Array.prototype.forEach.call(document.querySelectorAll('.gallery img'), function (img) {
    if (img.complete && img.naturalWidth === 0) {
      img.remove();
    } else {
      img.addEventListener('error', function () { img.remove(); });
    }
  });
  var dialog = document.getElementById('deliver');
  var opener = document.getElementById('deliver-open');
  if (!dialog || !opener) {
    return;
  }
  var form = dialog.querySelector('form');
  var quantity = document.getElementById('quantity');
  var price = document.getElementById('salePrice');
  var profit = document.getElementById('profit');
  var below = document.getElementById('below');
  var minor = parseInt(dialog.dataset.minor, 10);
  var decimalPoint = dialog.dataset.decimal;
  var retail = parse(dialog.dataset.retail, '.');
  var max = parseInt(quantity.dataset.max, 10) || 1000;
  var money = new Intl.NumberFormat(dialog.dataset.lang, {
    style: 'currency', currency: dialog.dataset.currency,
    minimumFractionDigits: minor, maximumFractionDigits: minor
  });

  // The same reading of a typed price as the server's PriceInput: the last of two separators, or a
  // lone one that is the reader's decimal point or not followed by exactly three digits, is the decimal point.
  function parse(text, decimal) {
    var s = (text || '').replace(/[\s\u00a0\u202f]/g, '');
    if (!/^\d+([.,]\d+)*$/.test(s)) {
      return null;
    }
    var lastDot = s.lastIndexOf('.'), lastComma = s.lastIndexOf(',');
    var at = -1;
    if (lastDot >= 0 && lastComma >= 0) {
      at = Math.max(lastDot, lastComma);
    } else if (lastDot >= 0 || lastComma >= 0) {
      var sep = Math.max(lastDot, lastComma);
      var once = s.indexOf(s.charAt(sep)) === sep;
      var thousands = s.length - sep - 1 === 3;
      at = once && (s.charAt(sep) === decimal || !thousands) ? sep : -1;
    }
    var whole = at < 0 ? s : s.substring(0, at);
    var fraction = at < 0 ? '' : s.substring(at + 1);
    if (/[.,]/.test(whole) && !/^\d{1,3}([.,]\d{3})*$/.test(whole)) {
      return null;
    }
    return whole.replace(/[.,]/g, '') + (fraction ? '.' + fraction : '');
  }

  // Money in minor units (cents, đồng) as whole numbers, so 0.1 + 0.2 never shows up.
  function toMinor(plain) {
    var parts = plain.split('.');
    var fraction = (parts[1] || '').padEnd(minor, '0');
    if (fraction.length > minor) {
      return null;
    }
    return parseInt(parts[0] + fraction, 10);
  }

  function update() {
    var n = parseInt(quantity.value, 10);
    var typed = parse(price.value, decimalPoint);
    var sale = typed === null ? null : toMinor(typed);
    if (!(n >= 1) || sale === null) {
      profit.textContent = '';
      profit.dataset.amount = '';
      below.hidden = true;
      return;
    }
    var cents = (sale - toMinor(retail)) * n;
    var amount = cents / Math.pow(10, minor);
    profit.textContent = money.format(amount);
    profit.dataset.amount = amount.toFixed(minor);
    profit.classList.toggle('loss', cents < 0);
    below.hidden = cents >= 0;
  }

  function step(by) {
    var n = parseInt(quantity.value, 10);
    n = Math.min(Math.max((n >= 1 ? n : 1) + by, 1), max);
    quantity.value = String(n);
    update();
  }

  opener.addEventListener('click', function () {
    dialog.showModal();
    price.focus();
  });
  document.getElementById('deliver-cancel').addEventListener('click', function () {
    dialog.close();
  });
  document.getElementById('qty-minus').addEventListener('click', function () { step(-1); });
  document.getElementById('qty-plus').addEventListener('click', function () { step(1); });
  quantity.addEventListener('input', update);
  price.addEventListener('input', update);
  form.addEventListener('submit', function () {
    document.getElementById('deliver-submit').disabled = true;
  });
  update();
  if (dialog.dataset.open === 'true') {
    dialog.showModal();
  }
})();
