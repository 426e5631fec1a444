<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AppointmentCheckInController</name>
        <message>
            <location filename="../../app/journeys/appointment/AppointmentCheckInController.cpp" line="+75" />
            <source>This is not an appointment code. Please check the code on your booking confirmation.</source>
            <translation>This is not an appointment code. Please check the code on your booking confirmation.</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+69" />
            <source>Appointments cannot be checked in at this kiosk right now. Please go to the counter.</source>
            <translation>Appointments cannot be checked in at this kiosk right now. Please go to the counter.</translation>
        </message>
        <message>
            <location line="-22" />
            <source>No appointment was found for this code. Please check the code, or ask the staff.</source>
            <translation>No appointment was found for this code. Please check the code, or ask the staff.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This appointment is at another service center. Please go to the center named on your booking.</source>
            <translation>This appointment is at another service center. Please go to the center named on your booking.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>You are early: your appointment is at %1. Check-in opens at %2.</source>
            <translation>You are early: your appointment is at %1. Check-in opens at %2.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your appointment time (%1) has passed. Please take a queue ticket or ask the staff.</source>
            <translation>Your appointment time (%1) has passed. Please take a queue ticket or ask the staff.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This appointment has already been checked in, with number %1.</source>
            <translation>This appointment has already been checked in, with number %1.</translation>
        </message>
        <message>
            <location line="+22" />
            <location line="+16" />
            <source>The printer is not available. Please show this screen at the counter.</source>
            <translation>The printer is not available. Please show this screen at the counter.</translation>
        </message>
    </context>
    <context>
        <name>AppointmentCheckInScreen</name>
        <message>
            <location filename="../../qml/Journeys/AppointmentCheckInScreen.qml" line="+23" />
            <source>Appointment check-in</source>
            <translation>Appointment check-in</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Show the QR code of your booking to the code scanner, or type the appointment code.</source>
            <translation>Show the QR code of your booking to the code scanner, or type the appointment code.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Appointment code</source>
            <translation>Appointment code</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Check in</source>
            <translation>Check in</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Checking your appointment. Please wait a moment.</source>
            <translation>Checking your appointment. Please wait a moment.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>You are checked in. Your number</source>
            <translation>You are checked in. Your number</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Your appointment: %1</source>
            <translation>Your appointment: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>People ahead of you: %1</source>
            <translation>People ahead of you: %1</translation>
        </message>
        <message>
            <location line="+41" />
            <location line="+44" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Try another code</source>
            <translation>Try another code</translation>
        </message>
    </context>
    <context>
        <name>AttractScreen</name>
        <message>
            <location filename="../../qml/Screens/AttractScreen.qml" line="+31" />
            <source>Self-service kiosk</source>
            <translation>Self-service kiosk</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Tap the screen to start</source>
            <translation>Tap the screen to start</translation>
        </message>
        <message>
            <location line="+17" />
            <source>or place your ID card on the reader</source>
            <translation>or place your ID card on the reader</translation>
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>%n application(s) waiting to be sent to the platform</source>
            <translation>
                <numerusform>%n application waiting to be sent to the platform</numerusform>
                <numerusform>%n applications waiting to be sent to the platform</numerusform>
            </translation>
        </message>
        <message>
            <location line="+25" />
            <source>Elderly mode: large text and voice</source>
            <translation>Elderly mode: large text and voice</translation>
        </message>
    </context>
    <context>
        <name>CardPrompt</name>
        <message>
            <location filename="../../qml/Screens/CardPrompt.qml" line="+46" />
            <source>Your ID card was taken off the reader. Do you want to continue?</source>
            <translation>Your ID card was taken off the reader. Do you want to continue?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Another ID card was placed on the reader.</source>
            <translation>Another ID card was placed on the reader.</translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>For your privacy, this session will end in %n second(s) unless you continue.</source>
            <translation>
                <numerusform>For your privacy, this session will end in %n second unless you continue.</numerusform>
                <numerusform>For your privacy, this session will end in %n seconds unless you continue.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>This session belongs to the first card. You can go on with it, or end it and start again with the new card: what was entered so far will be cleared.</source>
            <translation>This session belongs to the first card. You can go on with it, or end it and start again with the new card: what was entered so far will be cleared.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Continue with the first card</source>
            <translation>Continue with the first card</translation>
        </message>
        <message>
            <location line="+9" />
            <source>End now</source>
            <translation>End now</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Start again with the new card</source>
            <translation>Start again with the new card</translation>
        </message>
    </context>
    <context>
        <name>CatalogScreen</name>
        <message>
            <location filename="../../qml/Screens/CatalogScreen.qml" line="+31" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+17" />
            <source>Choose a service</source>
            <translation>Choose a service</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Search by name, pinyin or initials, e.g. jzz</source>
            <translation>Search by name, pinyin or initials, e.g. jzz</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location line="+14" />
            <source>All services</source>
            <translation>All services</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Life events:</source>
            <translation>Life events:</translation>
        </message>
    </context>
    <context>
        <name>CertificateController</name>
        <message>
            <location filename="../../app/journeys/certificate/CertificateController.cpp" line="+80" />
            <source>A certificate needs your ID card on the reader or your personal identity code.</source>
            <translation>A certificate needs your ID card on the reader or your personal identity code.</translation>
        </message>
        <message>
            <location line="+61" />
            <location line="+62" />
            <source>Issuing a certificate needs the platform, which cannot be reached right now. Please try again later or go to the counter.</source>
            <translation>Issuing a certificate needs the platform, which cannot be reached right now. Please try again later or go to the counter.</translation>
        </message>
        <message>
            <location line="-26" />
            <source>The certificate could not be issued: the platform's answer was not understood. Please go to the counter.</source>
            <translation>The certificate could not be issued: the platform's answer was not understood. Please go to the counter.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The platform holds no record for you, so this certificate cannot be issued at the kiosk. Please ask at the counter.</source>
            <translation>The platform holds no record for you, so this certificate cannot be issued at the kiosk. Please ask at the counter.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>This certificate cannot be issued to you. Please ask at the counter.</source>
            <translation>This certificate cannot be issued to you. Please ask at the counter.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The certificate could not be issued at this kiosk. Please go to the counter.</source>
            <translation>The certificate could not be issued at this kiosk. Please go to the counter.</translation>
        </message>
        <message>
            <location line="+72" />
            <source>Please take your certificate from the A4 printer.</source>
            <translation>Please take your certificate from the A4 printer.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Your certificate has been issued, but it cannot be printed here. Please collect it at the counter with the certificate number %1.</source>
            <translation>Your certificate has been issued, but it cannot be printed here. Please collect it at the counter with the certificate number %1.</translation>
        </message>
    </context>
    <context>
        <name>CertificateScreen</name>
        <message>
            <location filename="../../qml/Journeys/CertificateScreen.qml" line="+24" />
            <source>Certificate</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Place your ID card on the reader, or show your personal identity code to the code scanner.</source>
            <translation>Place your ID card on the reader, or show your personal identity code to the code scanner.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>For %1 (ID number %2)</source>
            <translation>For %1 (ID number %2)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>What do you need the certificate for?</source>
            <translation>What do you need the certificate for?</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Your certificate is being issued. Please wait a moment.</source>
            <translation>Your certificate is being issued. Please wait a moment.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your certificate is being printed. Please wait at the A4 printer.</source>
            <translation>Your certificate is being printed. Please wait at the A4 printer.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Certificate number</source>
            <translation>Certificate number</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Valid until %1</source>
            <translation>Valid until %1</translation>
        </message>
        <message>
            <location line="+21" />
            <location line="+52" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location line="-20" />
            <source>The platform says: %1</source>
            <translation>The platform says: %1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Choose again</source>
            <translation>Choose again</translation>
        </message>
    </context>
    <context>
        <name>DeviceHub</name>
        <message>
            <location filename="../../app/core/DeviceHub.cpp" line="+27" />
            <source>no %1 at this kiosk</source>
            <translation>no %1 at this kiosk</translation>
        </message>
        <message>
            <location line="+11" />
            <source>ID card reader</source>
            <translation>ID card reader</translation>
        </message>
        <message>
            <location line="+2" />
            <source>receipt printer</source>
            <translation>receipt printer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>code scanner</source>
            <translation>code scanner</translation>
        </message>
        <message>
            <location line="+2" />
            <source>camera</source>
            <translation>camera</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A4 printer</source>
            <translation>A4 printer</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This service needs the %1, which is not working right now. Please ask the staff.</source>
            <translation>This service needs the %1, which is not working right now. Please ask the staff.</translation>
        </message>
    </context>
    <context>
        <name>DocumentCaptureController</name>
        <message>
            <location filename="../../app/core/DocumentCaptureController.cpp" line="+74" />
            <source>No page found. Please lay the document flat inside the frame.</source>
            <translation>No page found. Please lay the document flat inside the frame.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You have photographed the most pages this application takes.</source>
            <translation>You have photographed the most pages this application takes.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The photo could not be saved. Please take it again.</source>
            <translation>The photo could not be saved. Please take it again.</translation>
        </message>
    </context>
    <context>
        <name>FaceCaptureController</name>
        <message>
            <location filename="../../app/core/FaceCaptureController.cpp" line="+19" />
            <source>Please look at the camera</source>
            <translation>Please look at the camera</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only one person please</source>
            <translation>Only one person please</translation>
        </message>
        <message>
            <location line="+1" />
            <source>More light please</source>
            <translation>More light please</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Too bright, please step out of the direct light</source>
            <translation>Too bright, please step out of the direct light</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please move closer</source>
            <translation>Please move closer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please move back a little</source>
            <translation>Please move back a little</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please move to the centre</source>
            <translation>Please move to the centre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please keep steady, the picture is blurred</source>
            <translation>Please keep steady, the picture is blurred</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hold still</source>
            <translation>Hold still</translation>
        </message>
        <message>
            <location line="+43" />
            <source>You can also use your ID card instead, or ask the staff for help.</source>
            <translation>You can also use your ID card instead, or ask the staff for help.</translation>
        </message>
    </context>
    <context>
        <name>FieldEditor</name>
        <message>
            <location filename="../../qml/Controls/FieldEditor.qml" line="+45" />
            <source>(required)</source>
            <translation>(required)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>(from your ID card)</source>
            <translation>(from your ID card)</translation>
        </message>
        <message>
            <location line="+39" />
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
    </context>
    <context>
        <name>FieldValidator</name>
        <message>
            <location filename="../../app/core/FieldValidator.cpp" line="+24" />
            <source>An ID number has 18 characters; this one has %1.</source>
            <translation>An ID number has 18 characters; this one has %1.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An ID number has 17 digits followed by a digit or X.</source>
            <translation>An ID number has 17 digits followed by a digit or X.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The first six digits are not a region code.</source>
            <translation>The first six digits are not a region code.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The birth date inside this ID number is not a real date.</source>
            <translation>The birth date inside this ID number is not a real date.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This ID number is not valid: please check each digit.</source>
            <translation>This ID number is not valid: please check each digit.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This ID number is not valid.</source>
            <translation>This ID number is not valid.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Please enter a number, such as 12 or 12.5.</source>
            <translation>Please enter a number, such as 12 or 12.5.</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+2" />
            <source>Please enter a whole number.</source>
            <translation>Please enter a whole number.</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>Please use at most %n digit(s) after the decimal point.</source>
            <translation>
                <numerusform>Please use at most %n digit after the decimal point.</numerusform>
                <numerusform>Please use at most %n digits after the decimal point.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>The smallest accepted value is %1.</source>
            <translation>The smallest accepted value is %1.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The largest accepted value is %1.</source>
            <translation>The largest accepted value is %1.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>This field is required.</source>
            <translation>This field is required.</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Please enter at least %n character(s).</source>
            <translation>
                <numerusform>Please enter at least %n character.</numerusform>
                <numerusform>Please enter at least %n characters.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Please enter at most %n character(s).</source>
            <translation>
                <numerusform>Please enter at most %n character.</numerusform>
                <numerusform>Please enter at most %n characters.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Please enter an 11-digit mobile number or a landline number with its area code.</source>
            <translation>Please enter an 11-digit mobile number or a landline number with its area code.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Please enter a date as YYYY-MM-DD.</source>
            <translation>Please enter a date as YYYY-MM-DD.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Please choose one of the options.</source>
            <translation>Please choose one of the options.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The format of this entry is not accepted.</source>
            <translation>The format of this entry is not accepted.</translation>
        </message>
    </context>
    <context>
        <name>FormScreen</name>
        <message>
            <location filename="../../qml/Screens/FormScreen.qml" line="+58" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+2" />
            <source>Please complete your application. Fields read from your ID card cannot be changed.</source>
            <translation>Please complete your application. Fields read from your ID card cannot be changed.</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Next: review</source>
            <translation>Next: review</translation>
        </message>
    </context>
    <context>
        <name>GoodbyeScreen</name>
        <message>
            <location filename="../../qml/Screens/GoodbyeScreen.qml" line="+19" />
            <source>Thank you!</source>
            <translation>Thank you!</translation>
        </message>
        <message>
            <location line="+9" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+6" />
            <source>Please take your ID card and your receipt with you.</source>
            <translation>Please take your ID card and your receipt with you.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Finish</source>
            <translation>Finish</translation>
        </message>
    </context>
    <context>
        <name>GuideScreen</name>
        <message>
            <location filename="../../qml/Screens/GuideScreen.qml" line="+48" />
            <source>Department: %1</source>
            <translation>Department: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Who can apply</source>
            <translation>Who can apply</translation>
        </message>
        <message>
            <location line="+5" />
            <source>What you need</source>
            <translation>What you need</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Processing time</source>
            <translation>Processing time</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Legal basis</source>
            <translation>Legal basis</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Start application</source>
            <translation>Start application</translation>
        </message>
    </context>
    <context>
        <name>GuideSection</name>
        <message>
            <location filename="../../qml/Screens/GuideSection.qml" line="+40" />
            <source>%1. %2</source>
            <translation>%1. %2</translation>
        </message>
    </context>
    <context>
        <name>IdentifyScreen</name>
        <message>
            <location filename="../../qml/Screens/IdentifyScreen.qml" line="+23" />
            <source>Identify yourself</source>
            <translation>Identify yourself</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Identify without a card</source>
            <translation>Identify without a card</translation>
        </message>
        <message>
            <location line="+44" />
            <source>ID card reader</source>
            <translation>ID card reader</translation>
        </message>
        <message>
            <location line="+67" />
            <source>or show your personal identity code to the code scanner or the camera</source>
            <translation>or show your personal identity code to the code scanner or the camera</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Please place your ID card, residence permit or permanent residence card flat on the reader</source>
            <translation>Please place your ID card, residence permit or permanent residence card flat on the reader</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Leave it there until you have finished. Your card is read only to fill in your application.</source>
            <translation>Leave it there until you have finished. Your card is read only to fill in your application.</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Take a queue ticket (no ID card needed)</source>
            <translation>Take a queue ticket (no ID card needed)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Application progress</source>
            <translation>Application progress</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No ID card / card cannot be read</source>
            <translation>No ID card / card cannot be read</translation>
        </message>
        <message>
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-9" />
            <source>Please place your ID card flat on the reader</source>
            <translation>Please place your ID card flat on the reader</translation>
        </message>
        <message>
            <location filename="../../qml/Screens/IdentifyScreen.qml" line="-33" />
            <source>The code scanner reads QR codes too; the screen tells you whether a code can be used here.</source>
            <translation>The code scanner reads QR codes too; the screen tells you whether a code can be used here.</translation>
        </message>
    </context>
    <context>
        <name>IdentityCodeCheck</name>
        <message>
            <location filename="../../app/core/IdentityCodeCheck.cpp" line="+35" />
            <source>This code could not be read as a personal code. Please open your personal code again and hold it under the scanner, or place your ID card on the reader.</source>
            <translation>This code could not be read as a personal code. Please open your personal code again and hold it under the scanner, or place your ID card on the reader.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This code was not issued by a platform this kiosk knows. Please refresh your personal code in the app, or place your ID card on the reader.</source>
            <translation>This code was not issued by a platform this kiosk knows. Please refresh your personal code in the app, or place your ID card on the reader.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This code did not pass the security check and cannot be used. Please place your ID card on the reader, or ask the staff for help.</source>
            <translation>This code did not pass the security check and cannot be used. Please place your ID card on the reader, or ask the staff for help.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This code has expired. Please refresh your personal code in the app and scan it again.</source>
            <translation>This code has expired. Please refresh your personal code in the app and scan it again.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This code is not valid yet. Please check the time on your phone, refresh your personal code and scan it again.</source>
            <translation>This code is not valid yet. Please check the time on your phone, refresh your personal code and scan it again.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This code has already been used. Please refresh your personal code in the app and scan the new one.</source>
            <translation>This code has already been used. Please refresh your personal code in the app and scan the new one.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Personal codes cannot be checked at this kiosk right now. Please place your ID card on the reader, or ask the staff for help.</source>
            <translation>Personal codes cannot be checked at this kiosk right now. Please place your ID card on the reader, or ask the staff for help.</translation>
        </message>
    </context>
    <context>
        <name>IdleWarning</name>
        <message>
            <location filename="../../qml/Controls/IdleWarning.qml" line="+45" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+25" />
            <source>Do you need more time?</source>
            <translation>Do you need more time?</translation>
        </message>
        <message numerus="yes">
            <location line="+12" />
            <source>For your privacy, this session will end in %n second(s).</source>
            <translation>
                <numerusform>For your privacy, this session will end in %n second.</numerusform>
                <numerusform>For your privacy, this session will end in %n seconds.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+12" />
            <source>I need more time</source>
            <translation>I need more time</translation>
        </message>
        <message>
            <location line="+9" />
            <source>End now</source>
            <translation>End now</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <location filename="../../qml/Screens/KioskWindow.qml" line="+15" />
            <source>OneStop self-service kiosk</source>
            <translation>OneStop self-service kiosk</translation>
        </message>
    </context>
    <context>
        <name>LanguageScreen</name>
        <message>
            <location filename="../../qml/Screens/LanguageScreen.qml" line="+20" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-26" />
            <source>Choose your language</source>
            <translation>Choose your language</translation>
        </message>
    </context>
    <context>
        <name>LicenceController</name>
        <message>
            <location filename="../../app/core/LicenceController.cpp" line="+22" />
            <source>Expired: cannot be used</source>
            <translation>Expired: cannot be used</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revoked: cannot be used</source>
            <translation>Revoked: cannot be used</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Valid until %1</source>
            <translation>Valid until %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Valid</source>
            <translation>Valid</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Your e-licences cannot be fetched right now. Please photograph the documents here or bring paper copies to the counter.</source>
            <translation>Your e-licences cannot be fetched right now. Please photograph the documents here or bring paper copies to the counter.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No e-licences of the kinds this service accepts were found for you. Please photograph the documents or bring paper copies.</source>
            <translation>No e-licences of the kinds this service accepts were found for you. Please photograph the documents or bring paper copies.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Fetching your e-licences...</source>
            <translation>Fetching your e-licences...</translation>
        </message>
    </context>
    <context>
        <name>MaterialsController</name>
        <message>
            <location filename="../../app/core/MaterialsController.cpp" line="+92" />
            <source>1 page</source>
            <translation>1 page</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 pages</source>
            <translation>%1 pages</translation>
        </message>
        <message>
            <location line="+2" />
            <source>1 photo</source>
            <translation>1 photo</translation>
        </message>
        <message>
            <location line="+3" />
            <source>1 e-licence</source>
            <translation>1 e-licence</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 e-licences</source>
            <translation>%1 e-licences</translation>
        </message>
    </context>
    <context>
        <name>MaterialsScreen</name>
        <message>
            <location filename="../../qml/Screens/MaterialsScreen.qml" line="+28" />
            <source>Your documents</source>
            <translation>Your documents</translation>
        </message>
        <message>
            <location line="+49" />
            <source>This service asks for:</source>
            <translation>This service asks for:</translation>
        </message>
        <message>
            <location line="+14" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+5" />
            <source>You may photograph them here. This is optional: you can also bring paper copies to the counter.</source>
            <translation>You may photograph them here. This is optional: you can also bring paper copies to the counter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You may use your e-licences here. This is optional: you can also bring paper copies to the counter.</source>
            <translation>You may use your e-licences here. This is optional: you can also bring paper copies to the counter.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>1 e-licence chosen</source>
            <translation>1 e-licence chosen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 e-licences chosen</source>
            <translation>%1 e-licences chosen</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Use my e-licences</source>
            <translation>Use my e-licences</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Photograph a document</source>
            <translation>Photograph a document</translation>
        </message>
        <message>
            <location line="+11" />
            <source>No pages photographed yet.</source>
            <translation>No pages photographed yet.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 page photographed</source>
            <translation>1 page photographed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 pages photographed</source>
            <translation>%1 pages photographed</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Remove page %1</source>
            <translation>Remove page %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Your photo is taken.</source>
            <translation>Your photo is taken.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This service also needs a photo of you. We can take it here, or you can bring a printed photo.</source>
            <translation>This service also needs a photo of you. We can take it here, or you can bring a printed photo.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Take the photo again</source>
            <translation>Take the photo again</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Take my photo</source>
            <translation>Take my photo</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Is the page clear and complete?</source>
            <translation>Is the page clear and complete?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lay one page flat under the camera, then press "Take picture".</source>
            <translation>Lay one page flat under the camera, then press "Take picture".</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Page found. Hold still.</source>
            <translation>Page found. Hold still.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Take picture</source>
            <translation>Take picture</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Use this page</source>
            <translation>Use this page</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+86" />
            <source>Retake</source>
            <translation>Retake</translation>
        </message>
        <message>
            <location line="-78" />
            <source>Back to the list</source>
            <translation>Back to the list</translation>
        </message>
        <message>
            <location line="+19" />
            <source>We will take one photo for this application. It is stored only with your application.</source>
            <translation>We will take one photo for this application. It is stored only with your application.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Is this photo good?</source>
            <translation>Is this photo good?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Look at the camera.</source>
            <translation>Look at the camera.</translation>
        </message>
        <message>
            <location line="+40" />
            <source>I agree, take my photo</source>
            <translation>I agree, take my photo</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Use this photo</source>
            <translation>Use this photo</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Use another way: I will bring a printed photo</source>
            <translation>Use another way: I will bring a printed photo</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Choose the e-licences to use for this application</source>
            <translation>Choose the e-licences to use for this application</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
    </context>
    <context>
        <name>NoCardIdentityController</name>
        <message>
            <location filename="../../app/core/NoCardIdentityController.cpp" line="+62" />
            <source>Please enter the document number.</source>
            <translation>Please enter the document number.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>An ID number has 18 characters (15 for a 2017 permanent residence card).</source>
            <translation>An ID number has 18 characters (15 for a 2017 permanent residence card).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This ID number is not valid. Please check each digit against your card.</source>
            <translation>This ID number is not valid. Please check each digit against your card.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>A passport number has 5 to 9 letters and digits, as printed on the photo page.</source>
            <translation>A passport number has 5 to 9 letters and digits, as printed on the photo page.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A travel document number has 5 to 12 letters and digits, as printed on the document.</source>
            <translation>A travel document number has 5 to 12 letters and digits, as printed on the document.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Please enter your full name as on the document.</source>
            <translation>Please enter your full name as on the document.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Please enter your full name as on the document, in letters only.</source>
            <translation>Please enter your full name as on the document, in letters only.</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Please choose the document you have.</source>
            <translation>Please choose the document you have.</translation>
        </message>
        <message numerus="yes">
            <location line="+51" />
            <source>Wrong staff PIN. %n attempt(s) left.</source>
            <translation>
                <numerusform>Wrong staff PIN. %n attempt left.</numerusform>
                <numerusform>Wrong staff PIN. %n attempts left.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoCardPanel</name>
        <message>
            <location filename="../../qml/Screens/NoCardPanel.qml" line="+20" />
            <source>Passport</source>
            <translation>Passport</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other travel document</source>
            <translation>Other travel document</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ID card number (damaged card)</source>
            <translation>ID card number (damaged card)</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Type the details of the document you have with you. A staff member will check them against the document before you go on.</source>
            <translation>Type the details of the document you have with you. A staff member will check them against the document before you go on.</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+112" />
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <location line="-77" />
            <source>ID number (18 characters, or 15 for a 2017 permanent residence card)</source>
            <translation>ID number (18 characters, or 15 for a 2017 permanent residence card)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document number</source>
            <translation>Document number</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Full name, as on the document</source>
            <translation>Full name, as on the document</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Ask a staff member to confirm</source>
            <translation>Ask a staff member to confirm</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cancel and use my card</source>
            <translation>Cancel and use my card</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Staff: please check these details against the resident's document, then enter the staff PIN.</source>
            <translation>Staff: please check these details against the resident's document, then enter the staff PIN.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Full name</source>
            <translation>Full name</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Staff PIN</source>
            <translation>Staff PIN</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Too many wrong PINs. The staff PIN is locked for %n more second(s).</source>
            <translation>
                <numerusform>Too many wrong PINs. The staff PIN is locked for %n more second.</numerusform>
                <numerusform>Too many wrong PINs. The staff PIN is locked for %n more seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoticeBanner</name>
        <message>
            <location filename="../../qml/Controls/NoticeBanner.qml" line="+42" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>OutOfServiceWindow</name>
        <message>
            <location filename="../../qml/Screens/OutOfServiceWindow.qml" line="+17" />
            <source>OneStop self-service kiosk</source>
            <translation>OneStop self-service kiosk</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This kiosk is out of service.</source>
            <translation>This kiosk is out of service.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Please go to the service counter; the staff will help you.</source>
            <translation>Please go to the service counter; the staff will help you.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>For the technician:</source>
            <translation>For the technician:</translation>
        </message>
    </context>
    <context>
        <name>PinPad</name>
        <message>
            <location filename="../../qml/Screens/PinPad.qml" line="+72" />
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location line="+13" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ProgressLookupController</name>
        <message>
            <location filename="../../app/journeys/lookup/ProgressLookupController.cpp" line="+82" />
            <source>This QR code is not a receipt of this service hall, or it is damaged. Please scan the QR code printed on your receipt, or type the case number.</source>
            <translation>This QR code is not a receipt of this service hall, or it is damaged. Please scan the QR code printed on your receipt, or type the case number.</translation>
        </message>
        <message>
            <location line="+37" />
            <location line="+102" />
            <source>This is not a case number. The case number is printed on your receipt, for example SH-XH-LHJD-K07-20261127-7Q3F-0001.</source>
            <translation>This is not a case number. The case number is printed on your receipt, for example SH-XH-LHJD-K07-20261127-7Q3F-0001.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Case progress cannot be checked at this kiosk right now. Please ask the staff.</source>
            <translation>Case progress cannot be checked at this kiosk right now. Please ask the staff.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The service platform cannot be reached right now, and no cases of yours are known at this kiosk. Please try again later or ask the staff.</source>
            <translation>The service platform cannot be reached right now, and no cases of yours are known at this kiosk. Please try again later or ask the staff.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>No case was found for this code or number. Please check the number on your receipt.</source>
            <translation>No case was found for this code or number. Please check the number on your receipt.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The service platform cannot be reached right now, and this case is not known at this kiosk. Please try again later or ask the staff.</source>
            <translation>The service platform cannot be reached right now, and this case is not known at this kiosk. Please try again later or ask the staff.</translation>
        </message>
        <message>
            <location line="+55" />
            <source>No applications of yours were found on the service platform.</source>
            <translation>No applications of yours were found on the service platform.</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+30" />
            <source>Saved at this kiosk, waiting to be sent</source>
            <translation>Saved at this kiosk, waiting to be sent</translation>
        </message>
        <message>
            <location line="-29" />
            <source>Your application is saved at this kiosk and will be sent to the service platform as soon as it can be reached.</source>
            <translation>Your application is saved at this kiosk and will be sent to the service platform as soon as it can be reached.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The service platform cannot be reached right now. This is the status last known at this kiosk, at %1.</source>
            <translation>The service platform cannot be reached right now. This is the status last known at this kiosk, at %1.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>The service platform cannot be reached right now. These are your applications made at this kiosk, with the status last known here.</source>
            <translation>The service platform cannot be reached right now. These are your applications made at this kiosk, with the status last known here.</translation>
        </message>
        <message>
            <location line="+54" />
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Accepted</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Under review</source>
            <translation>Under review</translation>
        </message>
        <message>
            <location line="+2" />
            <source>More documents needed</source>
            <translation>More documents needed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not approved</source>
            <translation>Not approved</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Completed</source>
            <translation>Completed</translation>
        </message>
    </context>
    <context>
        <name>ProgressLookupScreen</name>
        <message>
            <location filename="../../qml/Journeys/ProgressLookupScreen.qml" line="+39" />
            <source>Check the progress of an application</source>
            <translation>Check the progress of an application</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Show the QR code on your receipt to the code scanner, or put your ID card on the reader to see all your applications.</source>
            <translation>Show the QR code on your receipt to the code scanner, or put your ID card on the reader to see all your applications.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Type the case number</source>
            <translation>Type the case number</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Show my applications again</source>
            <translation>Show my applications again</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Type the case number printed on your receipt.</source>
            <translation>Type the case number printed on your receipt.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Case number</source>
            <translation>Case number</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+100" />
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <location line="-93" />
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Looking up your application. Please wait a moment.</source>
            <translation>Looking up your application. Please wait a moment.</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Case number: %1</source>
            <translation>Case number: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Submitted on %1</source>
            <translation>Submitted on %1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>%1  %2</source>
            <translation>%1  %2</translation>
        </message>
        <message>
            <location line="+30" />
            <location line="+57" />
            <location line="+37" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location line="-75" />
            <source>Applications of %1</source>
            <translation>Applications of %1</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 · %2 (last known %5) · %3 · submitted %4</source>
            <translation>%1 · %2 (last known %5) · %3 · submitted %4</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 · %2 · %3 · submitted %4</source>
            <translation>%1 · %2 · %3 · submitted %4</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Only your latest applications are shown. Please ask the staff about older ones.</source>
            <translation>Only your latest applications are shown. Please ask the staff about older ones.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Try again</source>
            <translation>Try again</translation>
        </message>
    </context>
    <context>
        <name>QuarantineController</name>
        <message>
            <location filename="../../app/core/QuarantineController.cpp" line="+81" />
            <source>This store is not in the list. Refresh and try again.</source>
            <translation>This store is not in the list. Refresh and try again.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The cases could not be brought into the outbox: %1</source>
            <translation>The cases could not be brought into the outbox: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing new: the cases of this store are already in the outbox.</source>
            <translation>Nothing new: the cases of this store are already in the outbox.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n case(s) brought into the outbox. They will be sent to the platform.</source>
            <translation>
                <numerusform>%n case brought into the outbox. It will be sent to the platform.</numerusform>
                <numerusform>%n cases brought into the outbox. They will be sent to the platform.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueueTicketController</name>
        <message>
            <location filename="../../app/journeys/queue/QueueTicketController.cpp" line="+290" />
            <source>This counter service cannot give out tickets right now. Please ask the staff at the counter.</source>
            <translation>This counter service cannot give out tickets right now. Please ask the staff at the counter.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>A ticket number could not be recorded at this kiosk. Please ask the staff at the counter.</source>
            <translation>A ticket number could not be recorded at this kiosk. Please ask the staff at the counter.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This kiosk cannot reach the queue system and has no ticket numbers left for this service. Please take a ticket at the counter or ask the staff.</source>
            <translation>This kiosk cannot reach the queue system and has no ticket numbers left for this service. Please take a ticket at the counter or ask the staff.</translation>
        </message>
        <message>
            <location line="+40" />
            <source>The printer is out of paper. Please show this screen at the counter, or take a photo of the QR code.</source>
            <translation>The printer is out of paper. Please show this screen at the counter, or take a photo of the QR code.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The printer is not available. Please show this screen at the counter, or take a photo of the QR code.</source>
            <translation>The printer is not available. Please show this screen at the counter, or take a photo of the QR code.</translation>
        </message>
    </context>
    <context>
        <name>QueueTicketScreen</name>
        <message>
            <location filename="../../qml/Journeys/QueueTicketScreen.qml" line="+24" />
            <source>Take a queue ticket</source>
            <translation>Take a queue ticket</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Which counter service do you need?</source>
            <translation>Which counter service do you need?</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Queue tickets cannot be taken at this kiosk right now. Please ask the staff at the counter.</source>
            <translation>Queue tickets cannot be taken at this kiosk right now. Please ask the staff at the counter.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>I have an appointment: check in</source>
            <translation>I have an appointment: check in</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 (%2 waiting)</source>
            <translation>%1 (%2 waiting)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Taking a number for you. Please wait a moment.</source>
            <translation>Taking a number for you. Please wait a moment.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Your number</source>
            <translation>Your number</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The number of people waiting is not known right now.</source>
            <translation>The number of people waiting is not known right now.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>People ahead of you (as last known): %1</source>
            <translation>People ahead of you (as last known): %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>People ahead of you: %1</source>
            <translation>People ahead of you: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Taken at %1</source>
            <translation>Taken at %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This kiosk is offline: your number is valid and will be sent to the queue system.</source>
            <translation>This kiosk is offline: your number is valid and will be sent to the queue system.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Please take your ticket from the printer and wait for your number to be called.</source>
            <translation>Please take your ticket from the printer and wait for your number to be called.</translation>
        </message>
        <message>
            <location line="+45" />
            <location line="+41" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Choose again</source>
            <translation>Choose again</translation>
        </message>
    </context>
    <context>
        <name>RatingController</name>
        <message>
            <location filename="../../app/core/RatingController.cpp" line="+18" />
            <source>It took too long</source>
            <translation>It took too long</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How I was treated</source>
            <translation>How I was treated</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Too many or unclear documents</source>
            <translation>Too many or unclear documents</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The steps were unclear</source>
            <translation>The steps were unclear</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The service guide did not help</source>
            <translation>The service guide did not help</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The kiosk or the equipment</source>
            <translation>The kiosk or the equipment</translation>
        </message>
    </context>
    <context>
        <name>RatingScreen</name>
        <message>
            <location filename="../../qml/Screens/RatingScreen.qml" line="+17" />
            <source>Very satisfied</source>
            <translation>Very satisfied</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfied</source>
            <translation>Satisfied</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Basically satisfied</source>
            <translation>Basically satisfied</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dissatisfied</source>
            <translation>Dissatisfied</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Very dissatisfied</source>
            <translation>Very dissatisfied</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Rate this service</source>
            <translation>Rate this service</translation>
        </message>
        <message>
            <location line="+6" />
            <source>What was wrong? Choose all that apply, or none.</source>
            <translation>What was wrong? Choose all that apply, or none.</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+4" />
            <source>How satisfied are you with this service?</source>
            <translation>How satisfied are you with this service?</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Comment (optional)</source>
            <translation>Comment (optional)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Tap here to type</source>
            <translation>Tap here to type</translation>
        </message>
        <message>
            <location line="+78" />
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Send rating</source>
            <translation>Send rating</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Skip</source>
            <translation>Skip</translation>
        </message>
    </context>
    <context>
        <name>ReceiptScreen</name>
        <message>
            <location filename="../../qml/Screens/ReceiptScreen.qml" line="+17" />
            <source>The department has received your application.</source>
            <translation>The department has received your application.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The department could not accept your application automatically. Please ask the staff at the counter.</source>
            <translation>The department could not accept your application automatically. Please ask the staff at the counter.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your application is saved at this kiosk and will be sent to the department automatically. You do not need to wait.</source>
            <translation>Your application is saved at this kiosk and will be sent to the department automatically. You do not need to wait.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Printing your receipt…</source>
            <translation>Printing your receipt…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Please take your receipt.</source>
            <translation>Please take your receipt.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Your receipt could not be printed (%1). Please write down the case number above, or ask the staff to reprint it at the counter.</source>
            <translation>Your receipt could not be printed (%1). Please write down the case number above, or ask the staff to reprint it at the counter.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your receipt could not be printed. Please write down the case number above, or ask the staff to reprint it at the counter.</source>
            <translation>Your receipt could not be printed. Please write down the case number above, or ask the staff to reprint it at the counter.</translation>
        </message>
        <message>
            <location line="+11" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-1" />
            <source>Application submitted</source>
            <translation>Application submitted</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Your case number</source>
            <translation>Your case number</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Applicant: %1  %2</source>
            <translation>Applicant: %1  %2</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Your application summary is printing on the A4 printer.</source>
            <translation>Your application summary is printing on the A4 printer.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Please take your application summary from the A4 printer.</source>
            <translation>Please take your application summary from the A4 printer.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your application summary could not be printed here. Please collect it at the counter with case number %1.</source>
            <translation>Your application summary could not be printed here. Please collect it at the counter with case number %1.</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Scan to follow your case</source>
            <translation>Scan to follow your case</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
    </context>
    <context>
        <name>ReviewScreen</name>
        <message>
            <location filename="../../qml/Screens/ReviewScreen.qml" line="+23" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-2" />
            <source>Check your application</source>
            <translation>Check your application</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Attached: %1</source>
            <translation>Attached: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No documents attached; you can bring paper copies to the counter.</source>
            <translation>No documents attached; you can bring paper copies to the counter.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>E-licence: %1, %2</source>
            <translation>E-licence: %1, %2</translation>
        </message>
        <message>
            <location line="+49" />
            <source>(not filled in)</source>
            <translation>(not filled in)</translation>
        </message>
        <message>
            <location line="+34" />
            <source>I confirm that the information above is true and correct, and I agree that %1 processes it, including my personal information, only to handle this application, in accordance with the Personal Information Protection Law of the People's Republic of China.</source>
            <translation>I confirm that the information above is true and correct, and I agree that %1 processes it, including my personal information, only to handle this application, in accordance with the Personal Information Protection Law of the People's Republic of China.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Submit</source>
            <translation>Submit</translation>
        </message>
    </context>
    <context>
        <name>SavingScreen</name>
        <message>
            <location filename="../../qml/Screens/SavingScreen.qml" line="+27" />
            <source>Saving your application…</source>
            <translation>Saving your application…</translation>
        </message>
        <message>
            <location line="+10" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+1" />
            <source>Please wait a moment.</source>
            <translation>Please wait a moment.</translation>
        </message>
    </context>
    <context>
        <name>ScreenHeader</name>
        <message>
            <location filename="../../qml/Controls/ScreenHeader.qml" line="+39" />
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Elderly mode</source>
            <translation>Elderly mode</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Voice</source>
            <translation>Voice</translation>
        </message>
        <message>
            <location line="+10" />
            <source>End</source>
            <translation>End</translation>
        </message>
    </context>
    <context>
        <name>ScreenInstructions</name>
        <message>
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-4" />
            <source>Please read what this service needs, then tap "Start application".</source>
            <translation>Please read what this service needs, then tap "Start application".</translation>
        </message>
    </context>
    <context>
        <name>ServiceCatalogModel</name>
        <message>
            <location filename="../../app/core/ServiceCatalogModel.cpp" line="+187" />
            <source>No service matches "%1". Check the spelling, type fewer letters, or choose a category.</source>
            <translation>No service matches "%1". Check the spelling, type fewer letters, or choose a category.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>There is no service in this group. Choose another one.</source>
            <translation>There is no service in this group. Choose another one.</translation>
        </message>
    </context>
    <context>
        <name>SessionController</name>
        <message>
            <location filename="../../app/core/SessionIdentity.cpp" line="+54" />
            <source>Another ID card was placed. This session belongs to the first card; finish or end it before starting a new one.</source>
            <translation>Another ID card was placed. This session belongs to the first card; finish or end it before starting a new one.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>This card could not be used: its ID number did not pass the check. Please ask the staff for help.</source>
            <translation>This card could not be used: its ID number did not pass the check. Please ask the staff for help.</translation>
        </message>
        <message>
            <location line="+141" />
            <source>This code cannot be used to identify you at this kiosk yet. Please place your ID card on the reader.</source>
            <translation>This code cannot be used to identify you at this kiosk yet. Please place your ID card on the reader.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This code is not needed here.</source>
            <translation>This code is not needed here.</translation>
        </message>
        <message>
            <location filename="../../app/core/SessionController.cpp" line="+235" />
            <source>Some entries need your attention.</source>
            <translation>Some entries need your attention.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Please confirm your consent before submitting.</source>
            <translation>Please confirm your consent before submitting.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Your document photos could not be prepared. Remove them and continue, or try again.</source>
            <translation>Your document photos could not be prepared. Remove them and continue, or try again.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>This kiosk has run out of storage space, so your application was not saved. What you entered is still here: please ask the staff for help, then submit again.</source>
            <translation>This kiosk has run out of storage space, so your application was not saved. What you entered is still here: please ask the staff for help, then submit again.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Your application could not be saved at this kiosk. What you entered is still here: please try again, or ask the staff for help.</source>
            <translation>Your application could not be saved at this kiosk. What you entered is still here: please try again, or ask the staff for help.</translation>
        </message>
        <message>
            <location line="-219" />
            <source>Your rating could not be saved; thank you all the same.</source>
            <translation>Your rating could not be saved; thank you all the same.</translation>
        </message>
    </context>
    <context>
        <name>SessionHeader</name>
        <message>
            <location filename="../../qml/Screens/SessionHeader.qml" line="+10" />
            <source>%1  %2</source>
            <translation>%1  %2</translation>
        </message>
    </context>
    <context>
        <name>SimulatorPanel</name>
        <message>
            <location filename="../../qml/Simulator/SimulatorPanel.qml" line="+15" />
            <source>Kiosk simulator</source>
            <translation>Kiosk simulator</translation>
        </message>
        <message>
            <location line="+41" />
            <source>ID card</source>
            <translation>ID card</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Place card</source>
            <translation>Place card</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Remove card</source>
            <translation>Remove card</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Code scanner</source>
            <translation>Code scanner</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Text of the code</source>
            <translation>Text of the code</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Scan code</source>
            <translation>Scan code</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Receipt paper</source>
            <translation>Receipt paper</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Paper OK</source>
            <translation>Paper OK</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Paper low</source>
            <translation>Paper low</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Paper out</source>
            <translation>Paper out</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Devices</source>
            <translation>Devices</translation>
        </message>
        <message>
            <location line="+15" />
            <source>%1 (%2): %3</source>
            <translation>%1 (%2): %3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1: not configured</source>
            <translation>%1: not configured</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Plug in</source>
            <translation>Plug in</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Unplug</source>
            <translation>Unplug</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Network and sync</source>
            <translation>Network and sync</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Network up</source>
            <translation>Network up</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Network down</source>
            <translation>Network down</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Sync: %1, %n case(s) or rating(s) waiting</source>
            <translation>
                <numerusform>Sync: %1, %n case or rating waiting</numerusform>
                <numerusform>Sync: %1, %n cases or ratings waiting</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SubmissionController</name>
        <message>
            <location filename="../../app/core/SubmissionController.cpp" line="+289" />
            <source>the receipt could not be laid out</source>
            <translation>the receipt could not be laid out</translation>
        </message>
        <message>
            <location line="+14" />
            <source>the printer is out of paper</source>
            <translation>the printer is out of paper</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the printer is not available</source>
            <translation>the printer is not available</translation>
        </message>
    </context>
    <context>
        <name>TechnicianController</name>
        <message>
            <location filename="../../app/core/TechnicianController.cpp" line="+57" />
            <source>Too many wrong PINs. Try again later.</source>
            <translation>Too many wrong PINs. Try again later.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Wrong PIN. %n attempt(s) left.</source>
            <translation>
                <numerusform>Wrong PIN. %n attempt left.</numerusform>
                <numerusform>Wrong PIN. %n attempts left.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TechnicianPinPad</name>
        <message>
            <location filename="../../qml/Screens/TechnicianPinPad.qml" line="+22" />
            <source>Technician PIN</source>
            <translation>Technician PIN</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Too many wrong PINs. Try again in %n second(s).</source>
            <translation>
                <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
                <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TechnicianScreen</name>
        <message>
            <location filename="../../qml/Screens/TechnicianScreen.qml" line="+28" />
            <source>Technician: devices</source>
            <translation>Technician: devices</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>%n application(s) waiting to be sent to the platform</source>
            <translation>
                <numerusform>%n application waiting to be sent to the platform</numerusform>
                <numerusform>%n applications waiting to be sent to the platform</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Applications cannot be saved: the disk is full. Free space in the data folder.</source>
            <translation>Applications cannot be saved: the disk is full. Free space in the data folder.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applications cannot be saved.</source>
            <translation>Applications cannot be saved.</translation>
        </message>
        <message numerus="yes">
            <location line="+18" />
            <source>%n quarantined case store(s): they may hold cases the platform does not have yet</source>
            <translation>
                <numerusform>%n quarantined case store: it may hold cases the platform does not have yet</numerusform>
                <numerusform>%n quarantined case stores: they may hold cases the platform does not have yet</numerusform>
            </translation>
        </message>
        <message>
            <location line="+39" />
            <source>Quarantined at %1</source>
            <translation>Quarantined at %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quarantine time unknown</source>
            <translation>Quarantine time unknown</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why: %1</source>
            <translation>Why: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason not recorded</source>
            <translation>Reason not recorded</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cannot be read: %1</source>
            <translation>Cannot be read: %1</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n case(s) not yet received by the platform</source>
            <translation>
                <numerusform>%n case not yet received by the platform</numerusform>
                <numerusform>%n cases not yet received by the platform</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n not yet in the outbox</source>
            <translation>
                <numerusform>%n not yet in the outbox</numerusform>
                <numerusform>%n not yet in the outbox</numerusform>
            </translation>
        </message>
        <message>
            <location line="+11" />
            <source>Bring cases into the outbox</source>
            <translation>Bring cases into the outbox</translation>
        </message>
        <message>
            <location line="+43" />
            <source>(simulated)</source>
            <translation>(simulated)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>WebErrorPage</name>
        <message>
            <location filename="../../qml/Web/WebErrorPage.qml" line="+27" />
            <source>This page stopped working</source>
            <translation>This page stopped working</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This page could not be opened safely</source>
            <translation>This page could not be opened safely</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This page could not be loaded</source>
            <translation>This page could not be loaded</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The service's page could not prove that it is genuine, so it was not shown. Please try again later or ask the staff for help.</source>
            <translation>The service's page could not prove that it is genuine, so it was not shown. Please try again later or ask the staff for help.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please go back to the start of the service and try again, or ask the staff for help.</source>
            <translation>Please go back to the start of the service and try again, or ask the staff for help.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Start of the service</source>
            <translation>Start of the service</translation>
        </message>
        <message>
            <location line="+6" />
            <source>End</source>
            <translation>End</translation>
        </message>
    </context>
    <context>
        <name>WebServiceScreen</name>
        <message>
            <location filename="../../qml/Screens/WebServiceScreen.qml" line="+32" />
            <source>%1  %2</source>
            <translation>%1  %2</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Start of the service</source>
            <translation>Start of the service</translation>
        </message>
        <message>
            <location line="+16" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>WebSessionController</name>
        <message>
            <location filename="../../app/web/WebSessionController.cpp" line="+240" />
            <source>That page is outside this service, so it cannot be opened at this kiosk.</source>
            <translation>That page is outside this service, so it cannot be opened at this kiosk.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That link would open a new window, which this kiosk does not do.</source>
            <translation>That link would open a new window, which this kiosk does not do.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Files cannot be downloaded at this kiosk. Please ask the staff if you need a copy.</source>
            <translation>Files cannot be downloaded at this kiosk. Please ask the staff if you need a copy.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Files cannot be uploaded from this kiosk. Please ask the staff for help.</source>
            <translation>Files cannot be uploaded from this kiosk. Please ask the staff for help.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That link needs another program, which this kiosk does not open.</source>
            <translation>That link needs another program, which this kiosk does not open.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This kiosk does not let web pages use the camera, microphone, location or other devices.</source>
            <translation>This kiosk does not let web pages use the camera, microphone, location or other devices.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Web pages cannot print at this kiosk. Please ask the staff if you need a printout.</source>
            <translation>Web pages cannot print at this kiosk. Please ask the staff if you need a printout.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That page asks for a sign-in that this kiosk cannot give.</source>
            <translation>That page asks for a sign-in that this kiosk cannot give.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The page wanted to show a message; this kiosk does not show such messages.</source>
            <translation>The page wanted to show a message; this kiosk does not show such messages.</translation>
        </message>
    </context>
</TS>
