"""The script ``streamlit run`` starts (``python -m geo serve``): it runs ``app.py``, the frame.

It sits in a folder of its own, not beside ``pages/``: Streamlit (1.67) switches into its legacy
multipage mode when a ``pages/`` folder sits beside the script it was started with, and then the
first request of a fresh server to a page link (``/belgium?cities=Charleroi``) ran that page alone,
without app.py's sidebar. From here, the only navigation is app.py's ``st.navigation`` with the
page files. ``static`` beside this script links to the project's ``static/`` folder, which
Streamlit serves (``server.enableStaticServing``) from beside the script it started.
"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parent.parent / "app.py"), run_name="__main__")
