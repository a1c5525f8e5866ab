// The identity provider's sign-in comes back with the token in the URL fragment, which never
// reaches a server. Take it out of the address bar at once and hand it to the console, which
// checks it and keeps it in its HttpOnly session cookie.
(function () {
  var fragment = new URLSearchParams(window.location.hash.slice(1));
  var token = fragment.get('accessToken');
  window.history.replaceState(null, '', window.location.pathname);
  var form = document.getElementById('sign-in-finish');
  if (!token || !form) return;
  form.elements.accessToken.value = token;
  form.submit();
})();
