def office(request):
    return {
        "current_membership": getattr(request, "membership", None),
        "current_office": getattr(request, "office", None),
        "memberships": getattr(request, "memberships", []),
    }
