from django.contrib import admin

from .models import Language


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "name_de", "name_en", "native_name", "rtl"]
    search_fields = ["code", "name_de", "name_en", "native_name"]
