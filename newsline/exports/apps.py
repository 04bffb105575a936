from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "newsline.exports"
    verbose_name = "Exports"
