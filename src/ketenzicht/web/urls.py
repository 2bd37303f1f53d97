from django.contrib.auth.views import LoginView
from django.urls import path
from django_otp.forms import OTPAuthenticationForm

app_name = "web"
urlpatterns = [
    path("inloggen/", LoginView.as_view(authentication_form=OTPAuthenticationForm), name="login"),
    path("", LoginView.as_view(), name="worklist"),
]
