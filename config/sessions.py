"""Django's database sessions, each looked up through a prepared query (news.prepared): every
request of a signed-in editor reads its session, and so does a reader's whose cookie is stale,
and building the ORM's query cost more than running it."""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from news.prepared import PreparedQuery

CURRENT_SESSION = PreparedQuery(
    lambda key, now: Session.objects.filter(session_key=key, expire_date__gt=now)
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        """The session if it exists and has not expired (as Django's store: else no key)."""
        found = CURRENT_SESSION(self.session_key, timezone.now())
        if found:
            return found[0]
        self._session_key = None
        return None
