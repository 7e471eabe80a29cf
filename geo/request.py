"""One request: who asks (an editor or a reader), in which language, how places are named, which
store of saved datasets they read (and may write), which dataset and which filters.

A :class:`Request` is made once per script run (the app: :func:`geo.ui.session.start`, from the
URL, the session and the proxy's headers; the command line: :meth:`Request.for_command`) and then
passed, as an argument, to whatever needs one of its parts. It is frozen: a page that narrows the
filters makes another (:meth:`Request.with_filters`).

The store travels only here. Nothing falls back to the configured (editors') store: a thread that
makes a download later, or a dialog that reruns alone, uses the store of the request it was given.

Translations: ``geo.i18n._`` keeps one *active* language (a context variable), because messages
are translated in hundreds of places, deep in modules that have no business taking a request (an
error's text, a legend's words). The active language is derived from a request in exactly one
place, :meth:`Request.active` (and :meth:`Request.activate`, for the rest of a script run); work
done later in another thread is wrapped with :meth:`Request.bind`, which carries the request there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import wraps
from typing import TYPE_CHECKING, Literal, TypeVar

from geo import i18n
from geo.incidents.filters import Filters

if TYPE_CHECKING:  # the store package imports pandas/geopandas; a request only carries one
    from geo.io.store.common import Store

Role = Literal["editor", "reader"]
EDITOR: Role = "editor"
READER: Role = "reader"
ROLES: tuple[Role, ...] = (EDITOR, READER)
#: The slug of the report's own dataset (not a saved one).
REPORT = "report"
T = TypeVar("T")


@dataclass(frozen=True)
class Request:
    """What one script run (or one command) works for.

    - ``store``: the saved datasets this request reads, and writes when ``role`` is an editor's
      (a reader's store is read-only, and goes through the readers' database login when the
      deployment has one: :func:`geo.io.store.for_session`);
    - ``role``: :data:`EDITOR` or :data:`READER`;
    - ``language``: one of :data:`geo.i18n.LANGUAGES` (anything else: the default);
    - ``names``: how places are named, ``local`` or ``reader`` (:data:`geo.i18n.NAME_MODES`);
    - ``dataset``: the picked dataset's slug (:data:`REPORT` for the report's own);
    - ``filters``: the shared filters (:class:`geo.incidents.filters.Filters`).
    """

    store: Store
    role: Role = READER
    language: str = i18n.DEFAULT
    names: str = i18n.NAME_MODES[0]
    dataset: str = REPORT
    filters: Filters = field(default_factory=Filters)

    def __post_init__(self) -> None:
        if self.store is None:
            raise ValueError("a request needs a store: there is no default one")
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r} (one of {', '.join(ROLES)})")
        if self.language not in i18n.LANGUAGES:
            object.__setattr__(self, "language", i18n.DEFAULT)
        if self.names not in i18n.NAME_MODES:
            object.__setattr__(self, "names", i18n.NAME_MODES[0])

    @classmethod
    def for_command(cls, *, language: str | None = None, names: str | None = None,
                    store: Store | None = None) -> Request:
        """A request of the command line: the person who runs it is an editor of the configured
        store (``store`` to give another)."""
        if store is None:
            from geo.io import store as stores

            store = stores.configured()
        return cls(store=store, role=EDITOR, language=language or i18n.DEFAULT,
                   names=names or i18n.NAME_MODES[0])

    @property
    def editor(self) -> bool:
        """May this request change saved datasets?"""
        return self.role == EDITOR

    def with_filters(self, filters: Filters, *, dataset: str | None = None) -> Request:
        """This request with other filters (and dataset)."""
        return replace(self, filters=filters, dataset=self.dataset if dataset is None else dataset)

    # --- translation: the one place the active language is derived from a request -------------

    def activate(self) -> str:
        """Make this request's language and place naming the active ones for the rest of this
        context (a script run); returns the language."""
        return i18n.use(self.language, names=self.names)

    @contextmanager
    def active(self) -> Iterator[Request]:
        """This request's language and place naming inside the ``with`` block only."""
        with i18n.using(self.language, names=self.names):
            yield self

    def bind(self, function: Callable[..., T]) -> Callable[..., T]:
        """``function`` run with this request active wherever it is called: a download button's
        file is made later, in a server thread that knows nothing of the session. The function
        itself reads what it needs (the store above all) from this request, explicitly."""

        @wraps(function)
        def run(*args, **kwargs) -> T:
            with self.active():
                return function(*args, **kwargs)

        return run
