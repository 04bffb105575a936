from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "newsline.timeline"
    verbose_name = "Timeline"
