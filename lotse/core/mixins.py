"""View mixins shared by several apps."""


class SearchStepMixin:
    """A form with a search step: the button named ``search_person`` re-shows the form
    with what was typed (and the people found for it), saving nothing."""

    search_button = "search_person"

    def post(self, request, *args, **kwargs):
        if self.search_button not in request.POST:
            return super().post(request, *args, **kwargs)
        form_kwargs = self.get_form_kwargs()
        form_kwargs.pop("data", None)
        form_kwargs.pop("files", None)
        form_kwargs["initial"] = {**form_kwargs.get("initial", {}), **request.POST.dict()}
        form = self.get_form_class()(**form_kwargs)
        return self.render_to_response(self.get_context_data(form=form))
