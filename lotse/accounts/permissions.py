from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied

from .models import PERSONAL_DATA_ROLES


class OfficeRoleRequiredMixin(AccessMixin):
    """Logged in, member of an office, and in one of `allowed_roles` there.

    Which *records* are visible is not decided here but by the office scope
    (see `lotse.accounts.scoping`); this only keeps roles out of whole pages.
    """

    allowed_roles = PERSONAL_DATA_ROLES

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if request.membership is None or request.membership.role not in self.allowed_roles:
            raise PermissionDenied
        self.load_objects(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load_objects(self, **kwargs) -> None:
        """Load the records named in the URL (through the office scope: 404 if foreign).

        Runs after the role check, before the view's own dispatch.
        """
