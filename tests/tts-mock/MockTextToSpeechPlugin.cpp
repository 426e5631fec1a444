// The TextToSpeech plugin of the mock engine (tests only): loaded through QT_PLUGIN_PATH from
// <build>/tests/tts-mock/plugins/texttospeech/.

#include "MockTextToSpeechEngine.h"

#include <QObject>
#include <QTextToSpeechPlugin>

class MockTextToSpeechPlugin : public QObject, public QTextToSpeechPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.qt-project.qt.speech.tts.plugin/6.0" FILE "mock_plugin.json")
    Q_INTERFACES(QTextToSpeechPlugin)

public:
    QTextToSpeechEngine *createTextToSpeechEngine(const QVariantMap &parameters, QObject *parent,
                                                  QString *errorString) const override
    {
        Q_UNUSED(errorString)
        return new MockTextToSpeechEngine(parameters, parent);
    }
};

#include "MockTextToSpeechPlugin.moc"
