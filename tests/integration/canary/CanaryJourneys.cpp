#include "CanaryJourneys.h"

#include <QDate>
#include <QJsonArray>
#include <QRandomGenerator>

namespace {
QJsonObject step(const QString &action, const QJsonValue &argument, int timeoutMs = 0)
{
    QJsonObject s{{action, argument}};
    if (timeoutMs > 0)
        s.insert(QStringLiteral("timeout_ms"), timeoutMs);
    return s;
}
QJsonObject tap(const QString &control, int timeoutMs = 0)
{
    return step(QStringLiteral("tap"), control, timeoutMs);
}
QJsonObject waitFor(const QString &screen, int timeoutMs = 0)
{
    return step(QStringLiteral("wait_for"), screen, timeoutMs);
}
QJsonObject type(const QString &field, const QString &text)
{
    return step(QStringLiteral("type"),
                QJsonObject{{QStringLiteral("target"), QStringLiteral("form.field.") + field},
                            {QStringLiteral("text"), text}});
}
QJsonObject paper(const QString &state)
{
    return step(QStringLiteral("set_device_state"),
                QJsonObject{{QStringLiteral("device"), QStringLiteral("receipt_printer")},
                            {QStringLiteral("paper"), state}});
}
QJsonObject printerStatus(const QString &status)
{
    return step(QStringLiteral("wait_device"),
                QJsonObject{{QStringLiteral("device"), QStringLiteral("receipt_printer")},
                            {QStringLiteral("status"), status}},
                20000);
}

// The welcome, the language, and the identify screen.
void start(QJsonArray &steps, const QString &language)
{
    steps << tap(QStringLiteral("attract.start")) << waitFor(QStringLiteral("language"))
          << tap(QStringLiteral("language.") + language) << waitFor(QStringLiteral("identify"));
}

// From the catalog to the form of `service`, found by searching its Chinese name (the catalog has more
// services than one screen shows).
void toService(QJsonArray &steps, const QString &service, const QString &search)
{
    steps << waitFor(QStringLiteral("catalog"), 15000)
          << step(QStringLiteral("type"),
                  QJsonObject{{QStringLiteral("target"), QStringLiteral("catalog.search")},
                              {QStringLiteral("text"), search}})
          << tap(QStringLiteral("catalog.service.") + service) << waitFor(QStringLiteral("guide"))
          << tap(QStringLiteral("guide.start")) << waitFor(QStringLiteral("form"));
}

// Start to the form of `service`, the card placed on the identify screen.
void toForm(QJsonArray &steps, const CanaryResident &r, const QString &language, const QString &service,
            const QString &search)
{
    start(steps, language);
    steps << step(QStringLiteral("place_card"), r.card());
    toService(steps, service, search);
}

// Back on the attract screen: the resident takes the card, and the end marker for the paper.
void leave(QJsonArray &steps)
{
    steps << waitFor(QStringLiteral("attract")) << step(QStringLiteral("remove_card"), true)
          << paper(QStringLiteral("ok"));
}

void submit(QJsonArray &steps)
{
    steps << waitFor(QStringLiteral("review")) << tap(QStringLiteral("review.consent"))
          << tap(QStringLiteral("review.submit")) << waitFor(QStringLiteral("receipt"), 20000);
}
} // namespace

QChar CanaryJourneys::checkCharacter(const QString &first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17.at(i).unicode() - '0') * weights[i];
    return QLatin1Char("10X98765432"[sum % 11]);
}

QString CanaryResident::maskedId() const
{
    // As IdNumber::mask: 11 characters or more, first 6 and last 4 kept; 5 to 10, last 2 kept.
    const int n = int(idNumber.size());
    return n >= 11 ? idNumber.left(6) + QString(n - 10, QLatin1Char('*')) + idNumber.right(4)
                   : QString(n - 2, QLatin1Char('*')) + idNumber.right(2);
}

QJsonObject CanaryResident::card() const
{
    const bool male = (idNumber.at(16).unicode() - '0') % 2 == 1;
    return {{QStringLiteral("name"), name},
            {QStringLiteral("sex"), male ? QStringLiteral("male") : QStringLiteral("female")},
            {QStringLiteral("ethnicity"), QStringLiteral("汉")},
            {QStringLiteral("birth"), birth},
            {QStringLiteral("address"), address},
            {QStringLiteral("id_number"), idNumber},
            {QStringLiteral("issuer"), QStringLiteral("上海市公安局徐汇分局")},
            {QStringLiteral("valid_from"), QStringLiteral("2016-01-01")},
            {QStringLiteral("valid_to"), QStringLiteral("long-term")}};
}

QList<CanaryNeedle> CanaryResident::needles() const
{
    QList<CanaryNeedle> all;
    const auto add = [&](const QString &label, const QString &text) {
        if (!text.isEmpty())
            all += CanaryForms::textNeedles(key + QLatin1Char(' ') + label, text);
    };
    add(QStringLiteral("name"), name);
    add(QStringLiteral("address"), address);
    add(QStringLiteral("ID number"), idNumber);
    // The part of an 18-character number the mask hides (region and birth date), and the birth date as
    // the form has it.
    if (idNumber.size() == 18)
        add(QStringLiteral("ID number's first 14"), idNumber.left(14));
    add(QStringLiteral("birth date"), birth);
    for (auto it = typed.cbegin(); it != typed.cend(); ++it)
        add(QStringLiteral("typed ") + it.key(), it.value());
    for (const QString &core : cores)
        add(QStringLiteral("canary core ") + core, core);
    return all;
}

CanaryJourneys::CanaryJourneys(quint64 seed)
{
    QRandomGenerator random(seed);
    static const char alphabet[] = "ABCDEFGHJKLMNPRSTUVWXYZ23456789";
    QString token;
    for (int i = 0; i < 6; ++i)
        token += QLatin1Char(alphabet[random.bounded(int(sizeof alphabet - 1))]);
    QString letters; // for a name typed by hand: letters only
    for (int i = 0; i < 8; ++i)
        letters += QLatin1Char(char('A' + random.bounded(26)));
    const QString digits = QStringLiteral("%1").arg(random.bounded(10000000), 7, 10, QLatin1Char('0'));
    const QDate birth = QDate(1940, 1, 1).addDays(random.bounded(5000)); // 73 years and older: every service

    for (int j = 1; j <= 9; ++j) {
        CanaryResident r;
        r.key = QStringLiteral("J%1").arg(j);
        const auto core = [&](QChar field) {
            const QString c = QStringLiteral("Q%1%2%3K").arg(token).arg(field).arg(j);
            r.cores << c;
            return c;
        };
        r.name = QStringLiteral("金丝雀") + core(QLatin1Char('N')) + QStringLiteral("甲");
        r.address = QStringLiteral("上海市徐汇区金丝雀路") + core(QLatin1Char('A')) + QStringLiteral("号");
        r.birth = birth.toString(QStringLiteral("yyyy-MM-dd"));
        const QString first17 =
            QStringLiteral("310104") + birth.toString(QStringLiteral("yyyyMMdd")) +
            QStringLiteral("%1").arg(j * 100 + random.bounded(100), 3, 10, QLatin1Char('0'));
        r.idNumber = first17 + checkCharacter(first17);
        r.typed.insert(QStringLiteral("phone"),
                       QStringLiteral("13%1%2%3").arg(j).arg(digits).arg(random.bounded(10)));
        switch (j) {
        case 1:
            r.typed.insert(QStringLiteral("shanghai_address"), QStringLiteral("上海市徐汇区雀巢路") +
                                                                   core(QLatin1Char('S')) +
                                                                   QStringLiteral("弄"));
            r.typed.insert(QStringLiteral("employer_or_school"), QStringLiteral("Canary ") +
                                                                     core(QLatin1Char('E')) +
                                                                     QStringLiteral(" Trading Ltd"));
            break;
        case 2:
            r.typed.insert(QStringLiteral("bank_account"),
                           QStringLiteral("622202%1%2%3")
                               .arg(j)
                               .arg(digits)
                               .arg(random.bounded(100), 2, 10, QLatin1Char('0')));
            break;
        case 3:
            r.typed.insert(QStringLiteral("description"),
                           QStringLiteral("金丝雀说明") + core(QLatin1Char('D')) +
                               QStringLiteral("：家中失火，急需临时救助。Fire at home, urgent."));
            break;
        case 4:
            r.typed.insert(QStringLiteral("agent_name"),
                           QStringLiteral("雀") + core(QLatin1Char('G')) + QStringLiteral("代"));
            break;
        case 5:
            r.typed.insert(QStringLiteral("receiving_institution"),
                           QStringLiteral("Canary Bureau ") + core(QLatin1Char('R')));
            break;
        case 6: // identified by a personal code: name and number from the platform's signed token
            r.address.clear();
            r.typed.insert(QStringLiteral("from_region"),
                           QStringLiteral("江苏省南京市金丝雀区") + core(QLatin1Char('F')));
            break;
        case 7: { // no readable card: passport details typed, confirmed by staff
            const QString nameCore = QStringLiteral("Q") + letters + QStringLiteral("NG");
            r.cores << nameCore;
            r.name = QStringLiteral("CANARY ") + nameCore;
            r.address.clear();
            r.birth.clear();
            r.idNumber = QStringLiteral("E%1%2").arg(digits).arg(j);
            r.typed.insert(QStringLiteral("purpose"),
                           QStringLiteral("租房 rental ") + core(QLatin1Char('P')));
            break;
        }
        case 8:
            r.typed.insert(QStringLiteral("deceased_name"),
                           QStringLiteral("金丝雀故") + core(QLatin1Char('X')));
            r.typed.insert(QStringLiteral("relation"), QStringLiteral("亲属") + core(QLatin1Char('L')));
            break;
        case 9:
            r.typed.insert(QStringLiteral("child_name"),
                           QStringLiteral("雀") + core(QLatin1Char('C')) + QStringLiteral("宝"));
            break;
        }
        m_residents.insert(r.key, r);
    }
}

QList<CanaryNeedle> CanaryJourneys::allNeedles() const
{
    QList<CanaryNeedle> all;
    for (const CanaryResident &r : m_residents)
        all += r.needles();
    return all;
}

QJsonObject CanaryJourneys::firstRun() const
{
    QJsonArray s;
    s << step(QStringLiteral("expect_screen"), QStringLiteral("attract"))
      << printerStatus(QStringLiteral("ready"));

    const CanaryResident &j1 = resident(QStringLiteral("J1"));
    toForm(s, j1, QStringLiteral("zh_CN"), QStringLiteral("residence-permit"),
           QStringLiteral("上海市居住证申领"));
    s << type(QStringLiteral("shanghai_address"), j1.typed.value(QStringLiteral("shanghai_address")))
      << type(QStringLiteral("registered_on"), QStringLiteral("2026-01-05"))
      << tap(QStringLiteral("form.field.basis.housing"))
      << type(QStringLiteral("employer_or_school"), j1.typed.value(QStringLiteral("employer_or_school")))
      << type(QStringLiteral("phone"), j1.typed.value(QStringLiteral("phone")))
      << tap(QStringLiteral("form.next")) << waitFor(QStringLiteral("materials"))
      << tap(QStringLiteral("materials.photographDocument"))
      << tap(QStringLiteral("materials.capture"), 15000) << tap(QStringLiteral("materials.usePage"), 15000)
      << waitFor(QStringLiteral("materials")) << tap(QStringLiteral("materials.photo"))
      << tap(QStringLiteral("materials.photoConsent")) << tap(QStringLiteral("materials.photoAlternative"))
      << tap(QStringLiteral("materials.continue"));
    submit(s);
    s << step(QStringLiteral("wait_receipt"), QStringLiteral("printed"), 20000)
      << step(QStringLiteral("wait_sync"), 20000) << tap(QStringLiteral("receipt.continue"))
      << waitFor(QStringLiteral("rating")) << tap(QStringLiteral("rating.level.5"))
      << waitFor(QStringLiteral("goodbye")) << step(QStringLiteral("advance_clock"), 6000);
    leave(s);

    const CanaryResident &j2 = resident(QStringLiteral("J2"));
    toForm(s, j2, QStringLiteral("en"), QStringLiteral("resident-pension-claim"),
           QStringLiteral("城乡居民基本养老保险待遇申领"));
    s << type(QStringLiteral("bank_account"), j2.typed.value(QStringLiteral("bank_account")))
      << type(QStringLiteral("phone"), j2.typed.value(QStringLiteral("phone")))
      << tap(QStringLiteral("header.end"));
    leave(s);

    const CanaryResident &j3 = resident(QStringLiteral("J3"));
    s << paper(QStringLiteral("runs_out"));
    toForm(s, j3, QStringLiteral("zh_CN"), QStringLiteral("temporary-assistance"),
           QStringLiteral("临时救助申请"));
    s << tap(QStringLiteral("form.field.cause.other"))
      << type(QStringLiteral("description"), j3.typed.value(QStringLiteral("description")))
      << type(QStringLiteral("phone"), j3.typed.value(QStringLiteral("phone")))
      << tap(QStringLiteral("form.next"));
    submit(s);
    // The receipt went to the printer and the roll ended during it: held for a reprint when the session ends.
    s << printerStatus(QStringLiteral("unavailable")) << tap(QStringLiteral("receipt.continue"))
      << waitFor(QStringLiteral("rating")) << tap(QStringLiteral("rating.skip"))
      << waitFor(QStringLiteral("goodbye")) << tap(QStringLiteral("goodbye.finish"));
    leave(s); // its "paper ok" is the new roll
    s << printerStatus(QStringLiteral("ready"));

    const CanaryResident &j5 = resident(QStringLiteral("J5"));
    toForm(s, j5, QStringLiteral("en"), QStringLiteral("household-registration-certificate"),
           QStringLiteral("户籍证明开具"));
    s << tap(QStringLiteral("form.field.purpose.employment"))
      << type(QStringLiteral("receiving_institution"),
              j5.typed.value(QStringLiteral("receiving_institution")))
      << type(QStringLiteral("copies"), QStringLiteral("1"))
      << type(QStringLiteral("phone"), j5.typed.value(QStringLiteral("phone")))
      << tap(QStringLiteral("form.next"));
    submit(s);
    s << step(QStringLiteral("wait_receipt"), QStringLiteral("printed"), 20000)
      << step(QStringLiteral("wait_sync"), 20000) << tap(QStringLiteral("receipt.continue"))
      << waitFor(QStringLiteral("rating")) << tap(QStringLiteral("rating.skip"))
      << waitFor(QStringLiteral("goodbye")) << tap(QStringLiteral("goodbye.finish"));
    leave(s);

    const CanaryResident &j6 = resident(QStringLiteral("J6"));
    start(s, QStringLiteral("zh_CN"));
    s << step(QStringLiteral("scan_token"), QJsonObject{{QStringLiteral("typ"), QStringLiteral("resident")},
                                                        {QStringLiteral("sub"), j6.idNumber},
                                                        {QStringLiteral("name"), j6.name}});
    toService(s, QStringLiteral("pension-transfer"), QStringLiteral("基本养老保险关系转移接续"));
    s << type(QStringLiteral("from_region"), j6.typed.value(QStringLiteral("from_region")))
      << type(QStringLiteral("phone"), j6.typed.value(QStringLiteral("phone")))
      << tap(QStringLiteral("form.next"));
    submit(s);
    s << step(QStringLiteral("wait_receipt"), QStringLiteral("printed"), 20000)
      << step(QStringLiteral("wait_sync"), 20000) << tap(QStringLiteral("receipt.continue"))
      << waitFor(QStringLiteral("rating")) << tap(QStringLiteral("rating.level.3"))
      << waitFor(QStringLiteral("goodbye")) << tap(QStringLiteral("goodbye.finish"))
      << waitFor(QStringLiteral("attract")) << paper(QStringLiteral("ok"));

    const CanaryResident &j7 = resident(QStringLiteral("J7"));
    start(s, QStringLiteral("en"));
    s << tap(QStringLiteral("identify.noCard")) << tap(QStringLiteral("nocard.type.passport"))
      << step(QStringLiteral("type"), QJsonObject{{QStringLiteral("target"), QStringLiteral("nocard.number")},
                                                  {QStringLiteral("text"), j7.idNumber}})
      << step(QStringLiteral("type"), QJsonObject{{QStringLiteral("target"), QStringLiteral("nocard.name")},
                                                  {QStringLiteral("text"), j7.name}})
      << tap(QStringLiteral("nocard.askStaff"));
    for (const char digit : {'9', '7', '5', '3', '1', '0'}) // the demo's staff PIN (docs/config.md)
        s << tap(QStringLiteral("staff.digit.") + QLatin1Char(digit));
    s << tap(QStringLiteral("staff.pin.ok"));
    toService(s, QStringLiteral("housing-record-certificate"), QStringLiteral("个人住房状况证明"));
    s << type(QStringLiteral("purpose"), j7.typed.value(QStringLiteral("purpose")))
      << type(QStringLiteral("phone"), j7.typed.value(QStringLiteral("phone")))
      << tap(QStringLiteral("form.next"));
    submit(s);
    s << step(QStringLiteral("wait_receipt"), QStringLiteral("printed"), 20000)
      << step(QStringLiteral("wait_sync"), 20000) << tap(QStringLiteral("receipt.continue"))
      << waitFor(QStringLiteral("rating")) << tap(QStringLiteral("rating.skip"))
      << waitFor(QStringLiteral("goodbye")) << tap(QStringLiteral("goodbye.finish"))
      << waitFor(QStringLiteral("attract")) << paper(QStringLiteral("ok"));
    return {{QStringLiteral("name"), QStringLiteral("canary-first-run")}, {QStringLiteral("steps"), s}};
}

QJsonObject CanaryJourneys::secondRun() const
{
    QJsonArray s;
    s << step(QStringLiteral("expect_screen"), QStringLiteral("attract"))
      << printerStatus(QStringLiteral("ready"));
    const CanaryResident &j4 = resident(QStringLiteral("J4"));
    toForm(s, j4, QStringLiteral("zh_CN"), QStringLiteral("elderly-allowance"),
           QStringLiteral("老年综合津贴申请"));
    s << type(QStringLiteral("agent_name"), j4.typed.value(QStringLiteral("agent_name")))
      << tap(QStringLiteral("form.field.payout.social_security_card"))
      << type(QStringLiteral("phone"), j4.typed.value(QStringLiteral("phone")))
      << tap(QStringLiteral("form.next"));
    submit(s);
    s << step(QStringLiteral("wait_receipt"), QStringLiteral("printed"), 20000)
      << tap(QStringLiteral("receipt.continue")) << waitFor(QStringLiteral("rating"))
      << tap(QStringLiteral("rating.level.4")) << waitFor(QStringLiteral("goodbye"))
      << tap(QStringLiteral("goodbye.finish"));
    leave(s);

    // J8: the resident walks away from the form; the idle warning, then the session ends by itself.
    const CanaryResident &j8 = resident(QStringLiteral("J8"));
    toForm(s, j8, QStringLiteral("zh_CN"), QStringLiteral("funeral-grant"),
           QStringLiteral("丧葬补助金、抚恤金申领"));
    s << type(QStringLiteral("deceased_name"), j8.typed.value(QStringLiteral("deceased_name")))
      << type(QStringLiteral("relation"), j8.typed.value(QStringLiteral("relation")))
      << type(QStringLiteral("phone"), j8.typed.value(QStringLiteral("phone")))
      << step(QStringLiteral("advance_clock"), 120000);
    leave(s);

    // J9: the resident takes the card and leaves; the question goes unanswered and the session ends.
    const CanaryResident &j9 = resident(QStringLiteral("J9"));
    toForm(s, j9, QStringLiteral("en"), QStringLiteral("child-medical-insurance"),
           QStringLiteral("中小学生和婴幼儿医疗保险参保"));
    s << type(QStringLiteral("child_name"), j9.typed.value(QStringLiteral("child_name")))
      << type(QStringLiteral("child_birth"), QStringLiteral("2020-05-01"))
      << type(QStringLiteral("phone"), j9.typed.value(QStringLiteral("phone")))
      << step(QStringLiteral("remove_card"), true)
      << tap(QStringLiteral(
             "cardPrompt.title")) // the question is up (the reader noticed); a tap on its text does nothing
      << step(QStringLiteral("advance_clock"), 120000) << waitFor(QStringLiteral("attract"))
      << paper(QStringLiteral("ok"));
    return {{QStringLiteral("name"), QStringLiteral("canary-platform-down")}, {QStringLiteral("steps"), s}};
}
