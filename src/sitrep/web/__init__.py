"""The dashboard's static files (HTML, CSS, JS and vendored map libraries), served by the API."""
