"""`cove serve`: the models Cove manages, served to other programs over the OpenAI API.

Editors, scripts and other tools speak the OpenAI HTTP API; this package answers it
from Cove's own engine processes, so a model installed once in Cove serves both the
window and everything else. Layering: it uses app.core and app.engine, never the window.

    api.py       what a request may ask for, checked, and the answers' JSON shapes
    engines.py   one engine process per loaded model, a queue in front of each
    app.py       the Starlette application: routes, key, limits, CORS, the request log
    access.py    who may connect: host checks, the API key (made once, stored 0600)
"""
