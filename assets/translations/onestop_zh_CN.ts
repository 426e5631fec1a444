<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AppointmentCheckInController</name>
        <message>
            <location filename="../../app/journeys/appointment/AppointmentCheckInController.cpp" line="+75" />
            <source>This is not an appointment code. Please check the code on your booking confirmation.</source>
            <translation>这不是预约码，请核对预约确认信息中的预约码。</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+69" />
            <source>Appointments cannot be checked in at this kiosk right now. Please go to the counter.</source>
            <translation>本机暂时无法办理预约签到，请到窗口办理。</translation>
        </message>
        <message>
            <location line="-22" />
            <source>No appointment was found for this code. Please check the code, or ask the staff.</source>
            <translation>未查询到该预约码对应的预约，请核对预约码或咨询工作人员。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This appointment is at another service center. Please go to the center named on your booking.</source>
            <translation>该预约不在本服务中心，请前往预约信息中的服务中心办理。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>You are early: your appointment is at %1. Check-in opens at %2.</source>
            <translation>您来早了：您的预约时段为 %1，%2 起可以签到。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your appointment time (%1) has passed. Please take a queue ticket or ask the staff.</source>
            <translation>您的预约时段（%1）已过，请重新取号或咨询工作人员。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This appointment has already been checked in, with number %1.</source>
            <translation>该预约已签到，排队号为 %1。</translation>
        </message>
        <message>
            <location line="+22" />
            <location line="+16" />
            <source>The printer is not available. Please show this screen at the counter.</source>
            <translation>打印机暂不可用，请向窗口出示本屏幕。</translation>
        </message>
    </context>
    <context>
        <name>AppointmentCheckInScreen</name>
        <message>
            <location filename="../../qml/Journeys/AppointmentCheckInScreen.qml" line="+23" />
            <source>Appointment check-in</source>
            <translation>预约签到</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Show the QR code of your booking to the code scanner, or type the appointment code.</source>
            <translation>请将预约二维码对准扫码器，或输入预约码。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Appointment code</source>
            <translation>预约码</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Check in</source>
            <translation>签到</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Checking your appointment. Please wait a moment.</source>
            <translation>正在核验您的预约，请稍候。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>You are checked in. Your number</source>
            <translation>签到成功，您的排队号</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Your appointment: %1</source>
            <translation>预约时段：%1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>People ahead of you: %1</source>
            <translation>您前面还有 %1 人</translation>
        </message>
        <message>
            <location line="+41" />
            <location line="+44" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Try another code</source>
            <translation>换一个预约码</translation>
        </message>
    </context>
    <context>
        <name>AttractScreen</name>
        <message>
            <location filename="../../qml/Screens/AttractScreen.qml" line="+31" />
            <source>Self-service kiosk</source>
            <translation>自助服务终端</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Tap the screen to start</source>
            <translation>轻触屏幕开始办理</translation>
        </message>
        <message>
            <location line="+17" />
            <source>or place your ID card on the reader</source>
            <translation>或将身份证放置于读卡区</translation>
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>%n application(s) waiting to be sent to the platform</source>
            <translation>
                <numerusform>%n 件申请待上传至平台</numerusform>
            </translation>
        </message>
        <message>
            <location line="+25" />
            <source>Elderly mode: large text and voice</source>
            <translation>长辈版：大字体、语音播报</translation>
        </message>
    </context>
    <context>
        <name>CardPrompt</name>
        <message>
            <location filename="../../qml/Screens/CardPrompt.qml" line="+46" />
            <source>Your ID card was taken off the reader. Do you want to continue?</source>
            <translation>您的证件已从读卡区取走。是否继续办理？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Another ID card was placed on the reader.</source>
            <translation>读卡区放入了另一张证件。</translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>For your privacy, this session will end in %n second(s) unless you continue.</source>
            <translation>
                <numerusform>为保护您的隐私，如不选择继续，本次办理将在 %n 秒后结束。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>This session belongs to the first card. You can go on with it, or end it and start again with the new card: what was entered so far will be cleared.</source>
            <translation>本次办理属于第一张证件。您可以继续办理，或结束本次办理并使用新证件重新开始：已填写的内容将被清除。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Continue</source>
            <translation>继续办理</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Continue with the first card</source>
            <translation>继续使用第一张证件办理</translation>
        </message>
        <message>
            <location line="+9" />
            <source>End now</source>
            <translation>立即结束</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Start again with the new card</source>
            <translation>使用新证件重新开始</translation>
        </message>
    </context>
    <context>
        <name>CatalogScreen</name>
        <message>
            <location filename="../../qml/Screens/CatalogScreen.qml" line="+31" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+17" />
            <source>Choose a service</source>
            <translation>请选择办理事项</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Search by name, pinyin or initials, e.g. jzz</source>
            <translation>输入事项名称、拼音或首字母搜索，如 jzz</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location line="+14" />
            <source>All services</source>
            <translation>全部事项</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Life events:</source>
            <translation>按人生阶段：</translation>
        </message>
    </context>
    <context>
        <name>CertificateController</name>
        <message>
            <location filename="../../app/journeys/certificate/CertificateController.cpp" line="+80" />
            <source>A certificate needs your ID card on the reader or your personal identity code.</source>
            <translation>开具证明需要在读卡器上放置身份证，或出示个人身份码。</translation>
        </message>
        <message>
            <location line="+61" />
            <location line="+62" />
            <source>Issuing a certificate needs the platform, which cannot be reached right now. Please try again later or go to the counter.</source>
            <translation>开具证明需要连接政务服务平台，目前无法连接。请稍后再试，或前往窗口办理。</translation>
        </message>
        <message>
            <location line="-26" />
            <source>The certificate could not be issued: the platform's answer was not understood. Please go to the counter.</source>
            <translation>证明未能开具：无法识别平台的答复。请前往窗口办理。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The platform holds no record for you, so this certificate cannot be issued at the kiosk. Please ask at the counter.</source>
            <translation>平台没有您的相关记录，无法在自助机开具此证明。请到窗口咨询。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>This certificate cannot be issued to you. Please ask at the counter.</source>
            <translation>暂不能为您开具此证明。请到窗口咨询。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The certificate could not be issued at this kiosk. Please go to the counter.</source>
            <translation>此自助机无法开具该证明。请前往窗口办理。</translation>
        </message>
        <message>
            <location line="+72" />
            <source>Please take your certificate from the A4 printer.</source>
            <translation>请从A4打印机取走您的证明。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Your certificate has been issued, but it cannot be printed here. Please collect it at the counter with the certificate number %1.</source>
            <translation>您的证明已开具，但无法在此打印。请凭证明编号 %1 到窗口领取。</translation>
        </message>
    </context>
    <context>
        <name>CertificateScreen</name>
        <message>
            <location filename="../../qml/Journeys/CertificateScreen.qml" line="+24" />
            <source>Certificate</source>
            <translation>开具证明</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Place your ID card on the reader, or show your personal identity code to the code scanner.</source>
            <translation>请将身份证放在读卡器上，或向扫码器出示个人身份码。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>For %1 (ID number %2)</source>
            <translation>申请人：%1（证件号码 %2）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>What do you need the certificate for?</source>
            <translation>请选择证明用途：</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Your certificate is being issued. Please wait a moment.</source>
            <translation>正在开具您的证明，请稍候。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your certificate is being printed. Please wait at the A4 printer.</source>
            <translation>正在打印您的证明，请在A4打印机旁等候。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Certificate number</source>
            <translation>证明编号</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Valid until %1</source>
            <translation>有效期至 %1</translation>
        </message>
        <message>
            <location line="+21" />
            <location line="+52" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location line="-20" />
            <source>The platform says: %1</source>
            <translation>平台说明：%1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Choose again</source>
            <translation>重新选择</translation>
        </message>
    </context>
    <context>
        <name>DeviceHub</name>
        <message>
            <location filename="../../app/core/DeviceHub.cpp" line="+27" />
            <source>no %1 at this kiosk</source>
            <translation>本终端未配置%1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>ID card reader</source>
            <translation>身份证阅读器</translation>
        </message>
        <message>
            <location line="+2" />
            <source>receipt printer</source>
            <translation>回执打印机</translation>
        </message>
        <message>
            <location line="+2" />
            <source>code scanner</source>
            <translation>扫码器</translation>
        </message>
        <message>
            <location line="+2" />
            <source>camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A4 printer</source>
            <translation>A4 打印机</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This service needs the %1, which is not working right now. Please ask the staff.</source>
            <translation>办理此事项需要使用%1，该设备暂时无法使用，请咨询工作人员。</translation>
        </message>
    </context>
    <context>
        <name>DocumentCaptureController</name>
        <message>
            <location filename="../../app/core/DocumentCaptureController.cpp" line="+74" />
            <source>No page found. Please lay the document flat inside the frame.</source>
            <translation>没有找到材料页面，请把材料平放在取景框内。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You have photographed the most pages this application takes.</source>
            <translation>本次申请可拍摄的页数已满。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The photo could not be saved. Please take it again.</source>
            <translation>照片未能保存，请重新拍摄。</translation>
        </message>
    </context>
    <context>
        <name>FaceCaptureController</name>
        <message>
            <location filename="../../app/core/FaceCaptureController.cpp" line="+19" />
            <source>Please look at the camera</source>
            <translation>请看摄像头</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only one person please</source>
            <translation>请只留一人在镜头前</translation>
        </message>
        <message>
            <location line="+1" />
            <source>More light please</source>
            <translation>光线太暗，请到亮一点的地方</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Too bright, please step out of the direct light</source>
            <translation>光线太强，请避开直射光</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please move closer</source>
            <translation>请靠近一点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please move back a little</source>
            <translation>请稍微往后一点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please move to the centre</source>
            <translation>请移到画面中间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please keep steady, the picture is blurred</source>
            <translation>画面模糊，请保持不动</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hold still</source>
            <translation>请保持不动</translation>
        </message>
        <message>
            <location line="+43" />
            <source>You can also use your ID card instead, or ask the staff for help.</source>
            <translation>您也可以改用身份证，或请工作人员协助。</translation>
        </message>
    </context>
    <context>
        <name>FieldEditor</name>
        <message>
            <location filename="../../qml/Controls/FieldEditor.qml" line="+45" />
            <source>(required)</source>
            <translation>（必填）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>(from your ID card)</source>
            <translation>（读取自身份证）</translation>
        </message>
        <message>
            <location line="+39" />
            <source>YYYY-MM-DD</source>
            <translation>格式：年-月-日，如 1990-01-31</translation>
        </message>
    </context>
    <context>
        <name>FieldValidator</name>
        <message>
            <location filename="../../app/core/FieldValidator.cpp" line="+24" />
            <source>An ID number has 18 characters; this one has %1.</source>
            <translation>身份证号码应为18位，当前为%1位。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An ID number has 17 digits followed by a digit or X.</source>
            <translation>身份证号码应为17位数字加1位数字或字母X。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The first six digits are not a region code.</source>
            <translation>号码前6位不是有效的行政区划代码。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The birth date inside this ID number is not a real date.</source>
            <translation>号码中的出生日期无效。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This ID number is not valid: please check each digit.</source>
            <translation>身份证号码校验未通过，请逐位核对。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This ID number is not valid.</source>
            <translation>身份证号码无效。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Please enter a number, such as 12 or 12.5.</source>
            <translation>请输入数字，如 12 或 12.5。</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+2" />
            <source>Please enter a whole number.</source>
            <translation>请输入整数。</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>Please use at most %n digit(s) after the decimal point.</source>
            <translation>
                <numerusform>小数点后最多保留%n位。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>The smallest accepted value is %1.</source>
            <translation>最小可填写%1。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The largest accepted value is %1.</source>
            <translation>最大可填写%1。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>This field is required.</source>
            <translation>此项为必填项。</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Please enter at least %n character(s).</source>
            <translation>
                <numerusform>请至少输入%n个字符。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Please enter at most %n character(s).</source>
            <translation>
                <numerusform>最多可输入%n个字符。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Please enter an 11-digit mobile number or a landline number with its area code.</source>
            <translation>请输入11位手机号码，或带区号的固定电话号码。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Please enter a date as YYYY-MM-DD.</source>
            <translation>请按“年-月-日”格式输入日期，如 1990-01-31。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Please choose one of the options.</source>
            <translation>请选择其中一项。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The format of this entry is not accepted.</source>
            <translation>填写格式不符合要求。</translation>
        </message>
    </context>
    <context>
        <name>FormScreen</name>
        <message>
            <location filename="../../qml/Screens/FormScreen.qml" line="+58" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+2" />
            <source>Please complete your application. Fields read from your ID card cannot be changed.</source>
            <translation>请填写申请信息。读取自身份证的信息不可修改。</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Next: review</source>
            <translation>下一步：核对信息</translation>
        </message>
    </context>
    <context>
        <name>GoodbyeScreen</name>
        <message>
            <location filename="../../qml/Screens/GoodbyeScreen.qml" line="+19" />
            <source>Thank you!</source>
            <translation>感谢您的使用！</translation>
        </message>
        <message>
            <location line="+9" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+6" />
            <source>Please take your ID card and your receipt with you.</source>
            <translation>请带好您的身份证和办件回执。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Finish</source>
            <translation>完成</translation>
        </message>
    </context>
    <context>
        <name>GuideScreen</name>
        <message>
            <location filename="../../qml/Screens/GuideScreen.qml" line="+48" />
            <source>Department: %1</source>
            <translation>实施部门：%1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Who can apply</source>
            <translation>申请条件</translation>
        </message>
        <message>
            <location line="+5" />
            <source>What you need</source>
            <translation>申请材料</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Processing time</source>
            <translation>办理时限</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Fee</source>
            <translation>收费标准</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Legal basis</source>
            <translation>设定依据</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Start application</source>
            <translation>开始申请</translation>
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
            <translation>身份核验</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Identify without a card</source>
            <translation>无证件核验身份</translation>
        </message>
        <message>
            <location line="+44" />
            <source>ID card reader</source>
            <translation>身份证读卡区</translation>
        </message>
        <message>
            <location line="+67" />
            <source>or show your personal identity code to the code scanner or the camera</source>
            <translation>或将您的个人身份码对准扫码区或摄像头</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Please place your ID card, residence permit or permanent residence card flat on the reader</source>
            <translation>请将身份证、居住证或永久居留身份证平放在读卡区</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Leave it there until you have finished. Your card is read only to fill in your application.</source>
            <translation>请在办理完成前保持证件放置。证件信息仅用于填写您的申请。</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Take a queue ticket (no ID card needed)</source>
            <translation>排队取号（无需身份证）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Application progress</source>
            <translation>办件查询</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No ID card / card cannot be read</source>
            <translation>未带证件 / 证件无法读取</translation>
        </message>
        <message>
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-9" />
            <source>Please place your ID card flat on the reader</source>
            <translation>请将身份证平放在读卡区</translation>
        </message>
        <message>
            <location filename="../../qml/Screens/IdentifyScreen.qml" line="-33" />
            <source>The code scanner reads QR codes too; the screen tells you whether a code can be used here.</source>
            <translation>扫码器也可读取二维码，屏幕将提示该码能否在此使用。</translation>
        </message>
    </context>
    <context>
        <name>IdentityCodeCheck</name>
        <message>
            <location filename="../../app/core/IdentityCodeCheck.cpp" line="+35" />
            <source>This code could not be read as a personal code. Please open your personal code again and hold it under the scanner, or place your ID card on the reader.</source>
            <translation>无法识别该码为个人码。请重新打开您的个人码并对准扫码区，或将身份证放在读卡区。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This code was not issued by a platform this kiosk knows. Please refresh your personal code in the app, or place your ID card on the reader.</source>
            <translation>该码并非本终端认可的平台签发。请在应用中刷新您的个人码，或将身份证放在读卡区。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This code did not pass the security check and cannot be used. Please place your ID card on the reader, or ask the staff for help.</source>
            <translation>该码未通过安全校验，无法使用。请将身份证放在读卡区，或向工作人员求助。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This code has expired. Please refresh your personal code in the app and scan it again.</source>
            <translation>该码已过期。请在应用中刷新您的个人码后重新扫码。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This code is not valid yet. Please check the time on your phone, refresh your personal code and scan it again.</source>
            <translation>该码尚未生效。请检查手机时间，刷新个人码后重新扫码。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This code has already been used. Please refresh your personal code in the app and scan the new one.</source>
            <translation>该码已被使用。请在应用中刷新您的个人码，并扫描新码。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Personal codes cannot be checked at this kiosk right now. Please place your ID card on the reader, or ask the staff for help.</source>
            <translation>本终端暂时无法核验个人码。请将身份证放在读卡区，或向工作人员求助。</translation>
        </message>
    </context>
    <context>
        <name>IdleWarning</name>
        <message>
            <location filename="../../qml/Controls/IdleWarning.qml" line="+45" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+25" />
            <source>Do you need more time?</source>
            <translation>您是否需要更多时间？</translation>
        </message>
        <message numerus="yes">
            <location line="+12" />
            <source>For your privacy, this session will end in %n second(s).</source>
            <translation>
                <numerusform>为保护您的隐私，本次办理将在%n秒后结束。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+12" />
            <source>I need more time</source>
            <translation>我需要更多时间</translation>
        </message>
        <message>
            <location line="+9" />
            <source>End now</source>
            <translation>立即结束</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <location filename="../../qml/Screens/KioskWindow.qml" line="+15" />
            <source>OneStop self-service kiosk</source>
            <translation>一网通办自助服务终端</translation>
        </message>
    </context>
    <context>
        <name>LanguageScreen</name>
        <message>
            <location filename="../../qml/Screens/LanguageScreen.qml" line="+20" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-26" />
            <source>Choose your language</source>
            <translation>请选择语言</translation>
        </message>
    </context>
    <context>
        <name>LicenceController</name>
        <message>
            <location filename="../../app/core/LicenceController.cpp" line="+22" />
            <source>Expired: cannot be used</source>
            <translation>已过期：不能使用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revoked: cannot be used</source>
            <translation>已注销：不能使用</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Valid until %1</source>
            <translation>有效期至 %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Valid</source>
            <translation>有效</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Your e-licences cannot be fetched right now. Please photograph the documents here or bring paper copies to the counter.</source>
            <translation>暂时无法获取您的电子证照。请在此拍摄材料，或携带纸质复印件到窗口。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No e-licences of the kinds this service accepts were found for you. Please photograph the documents or bring paper copies.</source>
            <translation>未找到本事项可用的您的电子证照。请拍摄材料或携带纸质复印件。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Fetching your e-licences...</source>
            <translation>正在获取您的电子证照…</translation>
        </message>
    </context>
    <context>
        <name>MaterialsController</name>
        <message>
            <location filename="../../app/core/MaterialsController.cpp" line="+92" />
            <source>1 page</source>
            <translation>1 页</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 pages</source>
            <translation>%1 页</translation>
        </message>
        <message>
            <location line="+2" />
            <source>1 photo</source>
            <translation>1 张照片</translation>
        </message>
        <message>
            <location line="+3" />
            <source>1 e-licence</source>
            <translation>1 个电子证照</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 e-licences</source>
            <translation>%1 个电子证照</translation>
        </message>
    </context>
    <context>
        <name>MaterialsScreen</name>
        <message>
            <location filename="../../qml/Screens/MaterialsScreen.qml" line="+28" />
            <source>Your documents</source>
            <translation>申请材料</translation>
        </message>
        <message>
            <location line="+49" />
            <source>This service asks for:</source>
            <translation>本事项需要以下材料：</translation>
        </message>
        <message>
            <location line="+14" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+5" />
            <source>You may photograph them here. This is optional: you can also bring paper copies to the counter.</source>
            <translation>您可以在这里拍摄材料。拍摄不是必须的：您也可以把纸质材料带到窗口。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You may use your e-licences here. This is optional: you can also bring paper copies to the counter.</source>
            <translation>您可以在此使用电子证照。此步骤可选：也可以携带纸质复印件到窗口。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>1 e-licence chosen</source>
            <translation>已选择 1 个电子证照</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 e-licences chosen</source>
            <translation>已选择 %1 个电子证照</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Use my e-licences</source>
            <translation>使用我的电子证照</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Photograph a document</source>
            <translation>拍摄材料</translation>
        </message>
        <message>
            <location line="+11" />
            <source>No pages photographed yet.</source>
            <translation>还没有拍摄材料。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 page photographed</source>
            <translation>已拍摄1页</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 pages photographed</source>
            <translation>已拍摄%1页</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Remove page %1</source>
            <translation>删除第%1页</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Your photo is taken.</source>
            <translation>您的照片已拍好。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This service also needs a photo of you. We can take it here, or you can bring a printed photo.</source>
            <translation>本事项还需要您的一张照片。可以在这里拍摄，也可以带一张打印好的照片。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Take the photo again</source>
            <translation>重新拍照</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Take my photo</source>
            <translation>为我拍照</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Is the page clear and complete?</source>
            <translation>这一页清楚、完整吗？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lay one page flat under the camera, then press "Take picture".</source>
            <translation>请把一页材料平放在摄像头下，然后按“拍摄”。</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Page found. Hold still.</source>
            <translation>已找到材料，请保持不动。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Take picture</source>
            <translation>拍摄</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Use this page</source>
            <translation>使用这一页</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+86" />
            <source>Retake</source>
            <translation>重拍</translation>
        </message>
        <message>
            <location line="-78" />
            <source>Back to the list</source>
            <translation>返回材料列表</translation>
        </message>
        <message>
            <location line="+19" />
            <source>We will take one photo for this application. It is stored only with your application.</source>
            <translation>我们将为本次申请拍摄一张照片。照片只随您的申请保存。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Is this photo good?</source>
            <translation>这张照片可以吗？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Look at the camera.</source>
            <translation>请看摄像头。</translation>
        </message>
        <message>
            <location line="+40" />
            <source>I agree, take my photo</source>
            <translation>我同意，请拍照</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Use this photo</source>
            <translation>使用这张照片</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Use another way: I will bring a printed photo</source>
            <translation>换一种方式：我会带打印好的照片</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Choose the e-licences to use for this application</source>
            <translation>选择本次申请要使用的电子证照</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
    </context>
    <context>
        <name>NoCardIdentityController</name>
        <message>
            <location filename="../../app/core/NoCardIdentityController.cpp" line="+62" />
            <source>Please enter the document number.</source>
            <translation>请输入证件号码。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>An ID number has 18 characters (15 for a 2017 permanent residence card).</source>
            <translation>身份证件号码为18位（2017版外国人永久居留身份证为15位）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This ID number is not valid. Please check each digit against your card.</source>
            <translation>该证件号码未通过校验，请对照证件逐位核对。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>A passport number has 5 to 9 letters and digits, as printed on the photo page.</source>
            <translation>护照号码为5至9位字母或数字，请按护照资料页填写。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A travel document number has 5 to 12 letters and digits, as printed on the document.</source>
            <translation>旅行证件号码为5至12位字母或数字，请按证件上的号码填写。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Please enter your full name as on the document.</source>
            <translation>请按证件填写您的姓名。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Please enter your full name as on the document, in letters only.</source>
            <translation>请按证件填写您的姓名，不含数字和符号。</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Please choose the document you have.</source>
            <translation>请选择您所持的证件。</translation>
        </message>
        <message numerus="yes">
            <location line="+51" />
            <source>Wrong staff PIN. %n attempt(s) left.</source>
            <translation>
                <numerusform>工作人员密码错误，还可尝试%n次。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoCardPanel</name>
        <message>
            <location filename="../../qml/Screens/NoCardPanel.qml" line="+20" />
            <source>Passport</source>
            <translation>护照</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other travel document</source>
            <translation>其他旅行证件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ID card number (damaged card)</source>
            <translation>身份证件号码（证件损坏）</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Type the details of the document you have with you. A staff member will check them against the document before you go on.</source>
            <translation>请填写您所持证件的信息，工作人员对照证件核实后即可继续办理。</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+112" />
            <source>Document</source>
            <translation>证件</translation>
        </message>
        <message>
            <location line="-77" />
            <source>ID number (18 characters, or 15 for a 2017 permanent residence card)</source>
            <translation>证件号码（18位，2017版外国人永久居留身份证为15位）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document number</source>
            <translation>证件号码</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Full name, as on the document</source>
            <translation>姓名（与证件一致）</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Ask a staff member to confirm</source>
            <translation>请工作人员确认</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cancel and use my card</source>
            <translation>取消，改用证件读卡</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Staff: please check these details against the resident's document, then enter the staff PIN.</source>
            <translation>请工作人员对照办事群众所持证件核对以下信息，然后输入工作人员密码。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Number</source>
            <translation>号码</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Staff PIN</source>
            <translation>工作人员密码</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Too many wrong PINs. The staff PIN is locked for %n more second(s).</source>
            <translation>
                <numerusform>密码错误次数过多，工作人员密码已锁定，请%n秒后再试。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoticeBanner</name>
        <message>
            <location filename="../../qml/Controls/NoticeBanner.qml" line="+42" />
            <source>OK</source>
            <translation>知道了</translation>
        </message>
    </context>
    <context>
        <name>OutOfServiceWindow</name>
        <message>
            <location filename="../../qml/Screens/OutOfServiceWindow.qml" line="+17" />
            <source>OneStop self-service kiosk</source>
            <translation>一网通办自助服务终端</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This kiosk is out of service.</source>
            <translation>本终端暂停服务。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Please go to the service counter; the staff will help you.</source>
            <translation>请前往服务窗口，工作人员将为您办理。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>For the technician:</source>
            <translation>技术人员信息：</translation>
        </message>
    </context>
    <context>
        <name>PinPad</name>
        <message>
            <location filename="../../qml/Screens/PinPad.qml" line="+72" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location line="+13" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>ProgressLookupController</name>
        <message>
            <location filename="../../app/journeys/lookup/ProgressLookupController.cpp" line="+82" />
            <source>This QR code is not a receipt of this service hall, or it is damaged. Please scan the QR code printed on your receipt, or type the case number.</source>
            <translation>这个二维码不是本服务大厅的受理回执二维码，或已损坏。请扫描回执上打印的二维码，或输入办件编号。</translation>
        </message>
        <message>
            <location line="+37" />
            <location line="+102" />
            <source>This is not a case number. The case number is printed on your receipt, for example SH-XH-LHJD-K07-20261127-7Q3F-0001.</source>
            <translation>这不是办件编号。办件编号印在您的受理回执上，例如 SH-XH-LHJD-K07-20261127-7Q3F-0001。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Case progress cannot be checked at this kiosk right now. Please ask the staff.</source>
            <translation>本终端暂时无法查询办件进度，请咨询工作人员。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The service platform cannot be reached right now, and no cases of yours are known at this kiosk. Please try again later or ask the staff.</source>
            <translation>暂时无法连接政务服务平台，本终端也没有您的办件记录。请稍后再试，或咨询工作人员。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>No case was found for this code or number. Please check the number on your receipt.</source>
            <translation>没有找到与该二维码或编号对应的办件。请核对回执上的办件编号。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The service platform cannot be reached right now, and this case is not known at this kiosk. Please try again later or ask the staff.</source>
            <translation>暂时无法连接政务服务平台，本终端也没有该办件的记录。请稍后再试，或咨询工作人员。</translation>
        </message>
        <message>
            <location line="+55" />
            <source>No applications of yours were found on the service platform.</source>
            <translation>政务服务平台上没有找到您的办件。</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+30" />
            <source>Saved at this kiosk, waiting to be sent</source>
            <translation>已保存在本终端，等待上报</translation>
        </message>
        <message>
            <location line="-29" />
            <source>Your application is saved at this kiosk and will be sent to the service platform as soon as it can be reached.</source>
            <translation>您的申请已保存在本终端，网络恢复后将立即上报政务服务平台。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The service platform cannot be reached right now. This is the status last known at this kiosk, at %1.</source>
            <translation>暂时无法连接政务服务平台。以下是本终端于 %1 最后获知的办理状态。</translation>
        </message>
        <message>
            <location line="+28" />
            <source>The service platform cannot be reached right now. These are your applications made at this kiosk, with the status last known here.</source>
            <translation>暂时无法连接政务服务平台。以下是您在本终端提交的办件及本终端最后获知的状态。</translation>
        </message>
        <message>
            <location line="+54" />
            <source>Received</source>
            <translation>已接收</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Accepted</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Under review</source>
            <translation>审核中</translation>
        </message>
        <message>
            <location line="+2" />
            <source>More documents needed</source>
            <translation>需补充材料</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not approved</source>
            <translation>未通过</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Completed</source>
            <translation>已办结</translation>
        </message>
    </context>
    <context>
        <name>ProgressLookupScreen</name>
        <message>
            <location filename="../../qml/Journeys/ProgressLookupScreen.qml" line="+39" />
            <source>Check the progress of an application</source>
            <translation>办件进度查询</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Show the QR code on your receipt to the code scanner, or put your ID card on the reader to see all your applications.</source>
            <translation>请将受理回执上的二维码对准扫码器，或将身份证放在读卡器上查看您的全部办件。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Type the case number</source>
            <translation>输入办件编号</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Show my applications again</source>
            <translation>再次查看我的办件</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Type the case number printed on your receipt.</source>
            <translation>请输入受理回执上打印的办件编号。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Case number</source>
            <translation>办件编号</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+100" />
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <location line="-93" />
            <source>Check</source>
            <translation>查询</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Looking up your application. Please wait a moment.</source>
            <translation>正在查询您的办件，请稍候。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Case number: %1</source>
            <translation>办件编号：%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Submitted on %1</source>
            <translation>提交日期：%1</translation>
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
            <translation>完成</translation>
        </message>
        <message>
            <location line="-75" />
            <source>Applications of %1</source>
            <translation>%1 的办件</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 · %2 (last known %5) · %3 · submitted %4</source>
            <translation>%1 · %2（最后获知于 %5）· %3 · %4 提交</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 · %2 · %3 · submitted %4</source>
            <translation>%1 · %2 · %3 · %4 提交</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Only your latest applications are shown. Please ask the staff about older ones.</source>
            <translation>仅显示您最近的办件。更早的办件请咨询工作人员。</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Try again</source>
            <translation>重试</translation>
        </message>
    </context>
    <context>
        <name>QuarantineController</name>
        <message>
            <location filename="../../app/core/QuarantineController.cpp" line="+81" />
            <source>This store is not in the list. Refresh and try again.</source>
            <translation>该数据库不在列表中，请刷新后重试。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The cases could not be brought into the outbox: %1</source>
            <translation>未能将办件转入待发送队列：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing new: the cases of this store are already in the outbox.</source>
            <translation>没有需要转入的办件：该数据库的办件已在待发送队列中。</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n case(s) brought into the outbox. They will be sent to the platform.</source>
            <translation>
                <numerusform>已将 %n 件办件转入待发送队列，将发送至平台。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueueTicketController</name>
        <message>
            <location filename="../../app/journeys/queue/QueueTicketController.cpp" line="+290" />
            <source>This counter service cannot give out tickets right now. Please ask the staff at the counter.</source>
            <translation>该窗口业务暂时无法取号，请咨询窗口工作人员。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>A ticket number could not be recorded at this kiosk. Please ask the staff at the counter.</source>
            <translation>本机暂时无法记录排队号，请咨询窗口工作人员。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This kiosk cannot reach the queue system and has no ticket numbers left for this service. Please take a ticket at the counter or ask the staff.</source>
            <translation>本机暂时无法连接排队系统，且该业务的备用号码已用完。请到窗口取号或咨询工作人员。</translation>
        </message>
        <message>
            <location line="+40" />
            <source>The printer is out of paper. Please show this screen at the counter, or take a photo of the QR code.</source>
            <translation>打印机缺纸。请向窗口出示本屏幕，或拍下二维码。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The printer is not available. Please show this screen at the counter, or take a photo of the QR code.</source>
            <translation>打印机暂不可用。请向窗口出示本屏幕，或拍下二维码。</translation>
        </message>
    </context>
    <context>
        <name>QueueTicketScreen</name>
        <message>
            <location filename="../../qml/Journeys/QueueTicketScreen.qml" line="+24" />
            <source>Take a queue ticket</source>
            <translation>排队取号</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Which counter service do you need?</source>
            <translation>请选择您要办理的窗口业务</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Queue tickets cannot be taken at this kiosk right now. Please ask the staff at the counter.</source>
            <translation>本机暂时无法取号，请咨询窗口工作人员。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>I have an appointment: check in</source>
            <translation>我已预约，办理签到</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 (%2 waiting)</source>
            <translation>%1（%2 人等候）</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Taking a number for you. Please wait a moment.</source>
            <translation>正在为您取号，请稍候。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Your number</source>
            <translation>您的排队号</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The number of people waiting is not known right now.</source>
            <translation>暂时无法获知等候人数。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>People ahead of you (as last known): %1</source>
            <translation>您前面还有 %1 人（最近一次获知）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>People ahead of you: %1</source>
            <translation>您前面还有 %1 人</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Taken at %1</source>
            <translation>取号时间：%1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This kiosk is offline: your number is valid and will be sent to the queue system.</source>
            <translation>本机当前离线：您的号码有效，将在网络恢复后自动上报排队系统。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Please take your ticket from the printer and wait for your number to be called.</source>
            <translation>请取走打印的排队号，留意叫号。</translation>
        </message>
        <message>
            <location line="+45" />
            <location line="+41" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Choose again</source>
            <translation>重新选择</translation>
        </message>
    </context>
    <context>
        <name>RatingController</name>
        <message>
            <location filename="../../app/core/RatingController.cpp" line="+18" />
            <source>It took too long</source>
            <translation>办事效率低，等候或办理时间太长</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How I was treated</source>
            <translation>服务态度不好</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Too many or unclear documents</source>
            <translation>材料要求多或不清楚</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The steps were unclear</source>
            <translation>办事流程不清晰</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The service guide did not help</source>
            <translation>办事指南没有帮助</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The kiosk or the equipment</source>
            <translation>自助机或设施设备不好用</translation>
        </message>
    </context>
    <context>
        <name>RatingScreen</name>
        <message>
            <location filename="../../qml/Screens/RatingScreen.qml" line="+17" />
            <source>Very satisfied</source>
            <translation>非常满意</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Basically satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dissatisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Very dissatisfied</source>
            <translation>非常不满意</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Rate this service</source>
            <translation>服务评价</translation>
        </message>
        <message>
            <location line="+6" />
            <source>What was wrong? Choose all that apply, or none.</source>
            <translation>哪些方面需要改进？可多选，也可不选。</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+4" />
            <source>How satisfied are you with this service?</source>
            <translation>您对本次服务是否满意？</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Comment (optional)</source>
            <translation>意见建议（选填）</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Tap here to type</source>
            <translation>点此输入</translation>
        </message>
        <message>
            <location line="+78" />
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Send rating</source>
            <translation>提交评价</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
    </context>
    <context>
        <name>ReceiptScreen</name>
        <message>
            <location filename="../../qml/Screens/ReceiptScreen.qml" line="+17" />
            <source>The department has received your application.</source>
            <translation>办理部门已收到您的申请。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The department could not accept your application automatically. Please ask the staff at the counter.</source>
            <translation>您的申请未能自动受理，请至窗口咨询工作人员。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your application is saved at this kiosk and will be sent to the department automatically. You do not need to wait.</source>
            <translation>您的申请已在本机保存，将自动报送办理部门，您无需等待。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Printing your receipt…</source>
            <translation>正在打印办件回执…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Please take your receipt.</source>
            <translation>请取走您的办件回执。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Your receipt could not be printed (%1). Please write down the case number above, or ask the staff to reprint it at the counter.</source>
            <translation>办件回执未能打印（%1）。请记下上方的办件编号，或到窗口请工作人员补打。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your receipt could not be printed. Please write down the case number above, or ask the staff to reprint it at the counter.</source>
            <translation>办件回执未能打印。请记下上方的办件编号，或到窗口请工作人员补打。</translation>
        </message>
        <message>
            <location line="+11" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-1" />
            <source>Application submitted</source>
            <translation>申请已提交</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Your case number</source>
            <translation>您的办件编号</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Applicant: %1  %2</source>
            <translation>申请人：%1  %2</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Your application summary is printing on the A4 printer.</source>
            <translation>您的申请表摘要正在A4打印机上打印。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Please take your application summary from the A4 printer.</source>
            <translation>请从A4打印机取走您的申请表摘要。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your application summary could not be printed here. Please collect it at the counter with case number %1.</source>
            <translation>申请表摘要无法在本机打印，请凭办件编号 %1 到窗口领取。</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Scan to follow your case</source>
            <translation>扫码查询办件进度</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Continue</source>
            <translation>继续</translation>
        </message>
    </context>
    <context>
        <name>ReviewScreen</name>
        <message>
            <location filename="../../qml/Screens/ReviewScreen.qml" line="+23" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-2" />
            <source>Check your application</source>
            <translation>核对申请信息</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Attached: %1</source>
            <translation>已附材料：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No documents attached; you can bring paper copies to the counter.</source>
            <translation>未附材料；您可以把纸质材料带到窗口。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>E-licence: %1, %2</source>
            <translation>电子证照：%1，%2</translation>
        </message>
        <message>
            <location line="+49" />
            <source>(not filled in)</source>
            <translation>（未填写）</translation>
        </message>
        <message>
            <location line="+34" />
            <source>I confirm that the information above is true and correct, and I agree that %1 processes it, including my personal information, only to handle this application, in accordance with the Personal Information Protection Law of the People's Republic of China.</source>
            <translation>本人承诺以上信息真实、准确，并同意%1依照《中华人民共和国个人信息保护法》处理上述信息（含个人信息），且仅用于办理本次申请。</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Submit</source>
            <translation>提交</translation>
        </message>
    </context>
    <context>
        <name>SavingScreen</name>
        <message>
            <location filename="../../qml/Screens/SavingScreen.qml" line="+27" />
            <source>Saving your application…</source>
            <translation>正在保存您的申请…</translation>
        </message>
        <message>
            <location line="+10" />
            <location filename="../../app/voice/ScreenInstructions.cpp" line="+1" />
            <source>Please wait a moment.</source>
            <translation>请稍候。</translation>
        </message>
    </context>
    <context>
        <name>ScreenHeader</name>
        <message>
            <location filename="../../qml/Controls/ScreenHeader.qml" line="+39" />
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Elderly mode</source>
            <translation>长辈版</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Voice</source>
            <translation>语音播报</translation>
        </message>
        <message>
            <location line="+10" />
            <source>End</source>
            <translation>结束办理</translation>
        </message>
    </context>
    <context>
        <name>ScreenInstructions</name>
        <message>
            <location filename="../../app/voice/ScreenInstructions.cpp" line="-4" />
            <source>Please read what this service needs, then tap "Start application".</source>
            <translation>请阅读本事项的办理须知，然后点击“开始申请”。</translation>
        </message>
    </context>
    <context>
        <name>ServiceCatalogModel</name>
        <message>
            <location filename="../../app/core/ServiceCatalogModel.cpp" line="+187" />
            <source>No service matches "%1". Check the spelling, type fewer letters, or choose a category.</source>
            <translation>没有找到与“%1”相符的事项。请检查输入、少输几个字母，或按分类查找。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>There is no service in this group. Choose another one.</source>
            <translation>该分组暂无可办事项，请选择其他分组。</translation>
        </message>
    </context>
    <context>
        <name>SessionController</name>
        <message>
            <location filename="../../app/core/SessionIdentity.cpp" line="+54" />
            <source>Another ID card was placed. This session belongs to the first card; finish or end it before starting a new one.</source>
            <translation>检测到另一张身份证。本次办理属于首张证件的持有人，请先完成或结束本次办理，再开始新的办理。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>This card could not be used: its ID number did not pass the check. Please ask the staff for help.</source>
            <translation>该证件无法使用：证件号码校验未通过。请联系工作人员协助。</translation>
        </message>
        <message>
            <location line="+141" />
            <source>This code cannot be used to identify you at this kiosk yet. Please place your ID card on the reader.</source>
            <translation>本终端暂不支持使用该码核验身份，请将身份证放置于读卡区。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This code is not needed here.</source>
            <translation>当前步骤无需扫码。</translation>
        </message>
        <message>
            <location filename="../../app/core/SessionController.cpp" line="+235" />
            <source>Some entries need your attention.</source>
            <translation>部分信息有误或未填写，请检查。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Please confirm your consent before submitting.</source>
            <translation>提交前请先阅读并勾选同意。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Your document photos could not be prepared. Remove them and continue, or try again.</source>
            <translation>您拍摄的材料照片未能处理。请删除后继续，或重新拍摄。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>This kiosk has run out of storage space, so your application was not saved. What you entered is still here: please ask the staff for help, then submit again.</source>
            <translation>本机存储空间已满，您的申请未能保存。您填写的内容仍在，请联系工作人员处理后再次提交。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Your application could not be saved at this kiosk. What you entered is still here: please try again, or ask the staff for help.</source>
            <translation>您的申请未能在本终端保存。已填写的内容仍然保留，请重试，或咨询工作人员。</translation>
        </message>
        <message>
            <location line="-219" />
            <source>Your rating could not be saved; thank you all the same.</source>
            <translation>您的评价未能保存，仍感谢您的反馈。</translation>
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
            <translation>终端模拟器</translation>
        </message>
        <message>
            <location line="+41" />
            <source>ID card</source>
            <translation>身份证</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Place card</source>
            <translation>放置证件</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Remove card</source>
            <translation>取走证件</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Code scanner</source>
            <translation>扫码器</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Text of the code</source>
            <translation>码的内容</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Scan code</source>
            <translation>扫码</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Receipt paper</source>
            <translation>回执打印纸</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Paper OK</source>
            <translation>纸张正常</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Paper low</source>
            <translation>纸张将尽</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Paper out</source>
            <translation>缺纸</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Devices</source>
            <translation>设备</translation>
        </message>
        <message>
            <location line="+15" />
            <source>%1 (%2): %3</source>
            <translation>%1（%2）：%3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1: not configured</source>
            <translation>%1：未配置</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Plug in</source>
            <translation>接入</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Unplug</source>
            <translation>拔出</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Network and sync</source>
            <translation>网络与同步</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Network up</source>
            <translation>网络连通</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Network down</source>
            <translation>网络断开</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Sync: %1, %n case(s) or rating(s) waiting</source>
            <translation>
                <numerusform>同步：%1，%n条办件或评价待上传</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SubmissionController</name>
        <message>
            <location filename="../../app/core/SubmissionController.cpp" line="+289" />
            <source>the receipt could not be laid out</source>
            <translation>回执排版失败</translation>
        </message>
        <message>
            <location line="+14" />
            <source>the printer is out of paper</source>
            <translation>打印机缺纸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the printer is not available</source>
            <translation>打印机暂不可用</translation>
        </message>
    </context>
    <context>
        <name>TechnicianController</name>
        <message>
            <location filename="../../app/core/TechnicianController.cpp" line="+57" />
            <source>Too many wrong PINs. Try again later.</source>
            <translation>密码错误次数过多，请稍后再试。</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Wrong PIN. %n attempt(s) left.</source>
            <translation>
                <numerusform>密码错误，还可尝试%n次。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TechnicianPinPad</name>
        <message>
            <location filename="../../qml/Screens/TechnicianPinPad.qml" line="+22" />
            <source>Technician PIN</source>
            <translation>运维人员密码</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Too many wrong PINs. Try again in %n second(s).</source>
            <translation>
                <numerusform>密码错误次数过多，请%n秒后再试。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TechnicianScreen</name>
        <message>
            <location filename="../../qml/Screens/TechnicianScreen.qml" line="+28" />
            <source>Technician: devices</source>
            <translation>运维：设备状态</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>%n application(s) waiting to be sent to the platform</source>
            <translation>
                <numerusform>%n件申请等待提交至平台</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Applications cannot be saved: the disk is full. Free space in the data folder.</source>
            <translation>申请无法保存：磁盘已满。请清理数据目录所在磁盘的空间。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applications cannot be saved.</source>
            <translation>申请无法保存。</translation>
        </message>
        <message numerus="yes">
            <location line="+18" />
            <source>%n quarantined case store(s): they may hold cases the platform does not have yet</source>
            <translation>
                <numerusform>有 %n 个已隔离的办件数据库：其中可能有平台尚未收到的办件</numerusform>
            </translation>
        </message>
        <message>
            <location line="+39" />
            <source>Quarantined at %1</source>
            <translation>隔离时间：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quarantine time unknown</source>
            <translation>隔离时间未知</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why: %1</source>
            <translation>原因：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason not recorded</source>
            <translation>未记录原因</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cannot be read: %1</source>
            <translation>无法读取：%1</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n case(s) not yet received by the platform</source>
            <translation>
                <numerusform>%n 件办件平台尚未收到</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n not yet in the outbox</source>
            <translation>
                <numerusform>其中 %n 件尚未转入待发送队列</numerusform>
            </translation>
        </message>
        <message>
            <location line="+11" />
            <source>Bring cases into the outbox</source>
            <translation>将办件转入待发送队列</translation>
        </message>
        <message>
            <location line="+43" />
            <source>(simulated)</source>
            <translation>（模拟）</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>WebErrorPage</name>
        <message>
            <location filename="../../qml/Web/WebErrorPage.qml" line="+27" />
            <source>This page stopped working</source>
            <translation>页面已停止响应</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This page could not be opened safely</source>
            <translation>无法安全打开此页面</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This page could not be loaded</source>
            <translation>页面无法加载</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The service's page could not prove that it is genuine, so it was not shown. Please try again later or ask the staff for help.</source>
            <translation>无法确认该服务页面的真实性，因此未予显示。请稍后再试，或咨询工作人员。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please go back to the start of the service and try again, or ask the staff for help.</source>
            <translation>请返回本项服务首页后重试，或咨询工作人员。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Start of the service</source>
            <translation>返回服务首页</translation>
        </message>
        <message>
            <location line="+6" />
            <source>End</source>
            <translation>结束办理</translation>
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
            <translation>返回服务首页</translation>
        </message>
        <message>
            <location line="+16" />
            <source>OK</source>
            <translation>知道了</translation>
        </message>
    </context>
    <context>
        <name>WebSessionController</name>
        <message>
            <location filename="../../app/web/WebSessionController.cpp" line="+240" />
            <source>That page is outside this service, so it cannot be opened at this kiosk.</source>
            <translation>该页面不属于本项服务，无法在本机打开。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That link would open a new window, which this kiosk does not do.</source>
            <translation>该链接需要打开新窗口，本机不支持打开新窗口。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Files cannot be downloaded at this kiosk. Please ask the staff if you need a copy.</source>
            <translation>本机不能下载文件。如需留存，请咨询工作人员。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Files cannot be uploaded from this kiosk. Please ask the staff for help.</source>
            <translation>本机不能上传文件，请咨询工作人员。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That link needs another program, which this kiosk does not open.</source>
            <translation>该链接需要使用其他程序打开，本机不支持。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This kiosk does not let web pages use the camera, microphone, location or other devices.</source>
            <translation>本机不允许网页使用摄像头、麦克风、位置信息或其他设备。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Web pages cannot print at this kiosk. Please ask the staff if you need a printout.</source>
            <translation>本机网页不能打印。如需打印，请咨询工作人员。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>That page asks for a sign-in that this kiosk cannot give.</source>
            <translation>该页面要求的登录方式本机无法提供。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The page wanted to show a message; this kiosk does not show such messages.</source>
            <translation>网页试图弹出提示框，本机不显示此类提示。</translation>
        </message>
    </context>
</TS>
