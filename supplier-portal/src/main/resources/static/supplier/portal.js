// "Add another parcel": one more row (tracking number and units of each line), for a dispatch shipped in
// several parcels. The new row copies the first one's fields, empty, numbered for the next parcel.
(function () {
  var button = document.getElementById('add-parcel');
  var list = document.getElementById('tracking-numbers');
  if (!button || !list) {
    return;
  }
  button.addEventListener('click', function () {
    var index = list.querySelectorAll('input[name="trackingNumbers"]').length;
    var row = list.querySelector('tr.parcel').cloneNode(true);
    row.querySelectorAll('.field-error').forEach(function (error) {
      error.remove();
    });
    var number = row.querySelector('input[name="trackingNumbers"]');
    number.id = 'tracking-' + index;
    number.value = '';
    row.querySelectorAll('input.units').forEach(function (units) {
      units.name = 'units-' + index + '-' + units.getAttribute('data-line');
      units.id = units.name;
      units.value = '';
    });
    list.appendChild(row);
    number.focus();
  });
})();
