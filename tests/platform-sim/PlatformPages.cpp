#include "PlatformPages.h"

#include "PlatformStore.h"
#include "QueueServices.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace {

const QStringList bookableTimes = {QStringLiteral("09:00"), QStringLiteral("10:00"), QStringLiteral("11:00"),
                                   QStringLiteral("13:30"), QStringLiteral("14:30"), QStringLiteral("15:30")};
constexpr int slotMinutes = 30;
constexpr int maxDaysAhead = 30;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

HttpResponse html(int status, const QString &body)
{
    const QString page =
        QStringLiteral(
            "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>网上预约 Online booking</title><style>"
            "body{font:28px 'Noto Sans CJK SC',sans-serif;margin:32px 48px;color:#1b2733;background:#f6f8fb}"
            "h1{font-size:40px;margin:0 0 8px} .en{color:#51606e;font-size:24px}"
            "label{display:block;margin:20px 0 6px;font-weight:bold}"
            "input,select{font-size:28px;padding:10px;width:560px;border:2px solid #8a99a8;border-radius:8px}"
            "button{margin-top:28px;font-size:30px;padding:14px "
            "48px;background:#0b5cad;color:#fff;border:0;border-radius:10px}"
            ".error{background:#fdecea;border-left:8px solid #c62828;padding:12px 16px;margin:16px 0}"
            ".code{font-size:56px;letter-spacing:4px;font-weight:bold;margin:16px 0}"
            "</style></head><body>%1</body></html>")
            .arg(body);
    return HttpResponse{status, "text/html; charset=utf-8", page.toUtf8(), {}};
}

} // namespace

PlatformPages::PlatformPages(PlatformStore &store, Now now) : m_store(store), m_now(std::move(now)) {}

HttpResponse PlatformPages::handle(const HttpRequest &request)
{
    if (request.path != "/pages/booking")
        return html(404, QStringLiteral("<h1>页面不存在</h1><p class=\"en\">Page not found</p>"));
    if (request.method == "GET") {
        const QUrlQuery query(QString::fromUtf8(request.query));
        return form(query.queryItemValue(QStringLiteral("center")), QString(), 200);
    }
    if (request.method == "POST")
        return book(request);
    HttpResponse refused = html(405, QStringLiteral("<h1>405</h1>"));
    refused.headers.append(qMakePair(QByteArray("Allow"), QByteArray("GET, POST")));
    return refused;
}

HttpResponse PlatformPages::form(const QString &centerId, const QString &message, int status)
{
    if (!QueueServices::isValidCenterId(centerId))
        return html(400,
                    QStringLiteral("<h1>无法预约</h1><p class=\"en\">Booking is not possible: this page was "
                                   "opened without a service center.</p>"));
    QString services;
    for (const QueueService &s : QueueServices::all())
        services += QStringLiteral("<option value=\"%1\">%2 %3</option>")
                        .arg(escaped(s.serviceId), escaped(s.nameZh), escaped(s.nameEn));
    QString times;
    for (const QString &t : bookableTimes)
        times += QStringLiteral("<option>%1</option>").arg(t);
    const QString error = message.isEmpty()
                              ? QString()
                              : QStringLiteral("<div class=\"error\" id=\"error\">%1</div>").arg(message);
    return html(
        status,
        QStringLiteral("<h1>网上预约办事</h1><p class=\"en\">Book a time at the service center</p>%1"
                       "<form method=\"post\" action=\"/pages/booking\" id=\"booking\">"
                       "<input type=\"hidden\" name=\"center\" value=\"%2\">"
                       "<label for=\"name\">姓名 <span class=\"en\">Name</span></label>"
                       "<input id=\"name\" name=\"name\" autocomplete=\"off\" maxlength=\"32\">"
                       "<label for=\"phone\">手机号码 <span class=\"en\">Mobile number</span></label>"
                       "<input id=\"phone\" name=\"phone\" type=\"tel\" inputmode=\"numeric\" "
                       "maxlength=\"11\" autocomplete=\"off\">"
                       "<label for=\"day\">日期 <span class=\"en\">Day</span></label>"
                       "<input id=\"day\" name=\"day\" type=\"date\" value=\"%5\">"
                       "<label for=\"slot\">时间 <span class=\"en\">Time</span></label>"
                       "<select id=\"slot\" name=\"slot\">%3</select>"
                       "<label for=\"service\">事项 <span class=\"en\">Counter service</span></label>"
                       "<select id=\"service\" name=\"service\">%4</select>"
                       "<div><button id=\"submit\" type=\"submit\">提交预约 Book</button></div></form>")
            .arg(error, escaped(centerId), times, services, m_now().date().toString(Qt::ISODate)));
}

HttpResponse PlatformPages::book(const HttpRequest &request)
{
    const QUrlQuery fields(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    auto value = [&](const char *name) {
        return fields.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded).trimmed();
    };
    const QString centerId = value("center");
    const QString name = value("name");
    const QString phone = value("phone");
    const QDate day = QDate::fromString(value("day"), Qt::ISODate);
    const QString slot = value("slot");
    const QString serviceId = value("service");
    const QDate today = m_now().date();
    static const QRegularExpression mobile(QStringLiteral("^1[3-9][0-9]{9}$"));
    QString wrong;
    if (name.isEmpty() || name.size() > 32)
        wrong = QStringLiteral("请填写姓名。 <span class=\"en\">Please enter your name.</span>");
    else if (!mobile.match(phone).hasMatch())
        wrong = QStringLiteral(
            "请填写11位手机号码。 <span class=\"en\">Please enter an 11-digit mobile number.</span>");
    else if (!day.isValid() || day < today || day > today.addDays(maxDaysAhead))
        wrong =
            QStringLiteral(
                "请填写今天起30天内的日期（如 %1）。 <span class=\"en\">Please enter a day within the next "
                "30 days (e.g. %1).</span>")
                .arg(today.toString(Qt::ISODate));
    else if (!bookableTimes.contains(slot))
        wrong = QStringLiteral("请选择时间。 <span class=\"en\">Please choose a time.</span>");
    else if (!QueueServices::find(serviceId))
        wrong = QStringLiteral("请选择事项。 <span class=\"en\">Please choose a counter service.</span>");
    if (!wrong.isEmpty())
        return form(centerId, wrong, 400);
    if (!QueueServices::isValidCenterId(centerId))
        return form(centerId, QString(), 400);

    PlatformStore::Appointment appointment;
    appointment.appointmentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    appointment.centerId = centerId;
    appointment.serviceId = serviceId;
    appointment.code = QStringLiteral("W%1-%2")
                           .arg(day.toString(QStringLiteral("yyyyMMdd")))
                           .arg(QRandomGenerator::global()->bounded(100000, 1000000));
    appointment.slotStart = QDateTime(day, QTime::fromString(slot, QStringLiteral("HH:mm"))).toUTC();
    appointment.slotEnd = appointment.slotStart.addSecs(slotMinutes * 60);
    QString error;
    if (!m_store.addAppointment(appointment, &error)) {
        qCWarning(lcApi).noquote() << "booking page: could not store the booking:" << error;
        return form(
            centerId,
            QStringLiteral("暂时无法预约，请稍后再试。 <span class=\"en\">Booking is not possible just "
                           "now. Please try again later.</span>"),
            503);
    }
    qCInfo(lcApi).noquote() << "booking page: booked" << appointment.code << "at" << centerId;
    return html(
        201, QStringLiteral(
                 "<h1>预约成功</h1><p class=\"en\">Booked</p>"
                 "<p>预约码 <span class=\"en\">Booking code</span></p>"
                 "<div class=\"code\" id=\"code\">%1</div>"
                 "<p id=\"when\">%2 %3</p>"
                 "<p>请在预约时间前30分钟内到服务中心自助机“预约签到”。<br><span class=\"en\">Check in at a "
                 "kiosk of the center (Appointment check-in) from 30 minutes before your time."
                 "</span></p>")
                 .arg(escaped(appointment.code), day.toString(Qt::ISODate), escaped(slot)));
}
