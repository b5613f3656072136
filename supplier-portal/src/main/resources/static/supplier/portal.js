// "Add another parcel": one more tracking-number field, for a dispatch shipped in several parcels.
(function () {
  var button = document.getElementById('add-parcel');
  var list = document.getElementById('tracking-numbers');
  if (!button || !list) {
    return;
  }
  button.addEventListener('click', function () {
    var index = list.querySelectorAll('input[name="trackingNumbers"]').length;
    var row = document.createElement('div');
    row.className = 'parcel';
    var input = document.createElement('input');
    input.name = 'trackingNumbers';
    input.id = 'tracking-' + index;
    input.maxLength = 40;
    row.appendChild(input);
    list.appendChild(row);
    input.focus();
  });
})();
