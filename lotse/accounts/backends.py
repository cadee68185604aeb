from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q


class UsernameOrEmailBackend(ModelBackend):
    """Log in with the user name or the e-mail address (case-insensitive)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user_model = get_user_model()
        candidates = user_model._default_manager.filter(
            Q(username__iexact=username) | Q(email__iexact=username)
        )[:2]
        if len(candidates) != 1:
            # Run the hasher anyway so timing does not reveal whether the user exists.
            user_model().set_password(password)
            return None
        user = candidates[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
