"""The Starlette application and everything a request passes: the gate and
authentication, fair share, faults, `/graphql` with its limits and error view,
upload, export and the console. `app.create_app` assembles it.
"""
