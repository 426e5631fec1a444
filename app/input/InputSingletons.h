#pragma once

// The input objects as QML singletons of OneStop.Input (PinyinEngine, Keyboard). main.cpp builds and owns
// them and hands them over through InputSingletons::set() before the QML engine loads; create() only
// returns what was handed over.

#include "KeyboardController.h"
#include "PinyinEngine.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

struct InputSingletons
{
    PinyinEngine *pinyin = nullptr;
    KeyboardController *keyboard = nullptr;

    static void set(const InputSingletons &instances) { current() = instances; }
    static InputSingletons &current()
    {
        static InputSingletons instances;
        return instances;
    }
    template <typename T> static T *handOver(T *object)
    {
        if (object)
            QJSEngine::setObjectOwnership(object, QJSEngine::CppOwnership);
        return object;
    }
};

struct PinyinSingleton
{
    Q_GADGET
    QML_FOREIGN(PinyinEngine)
    QML_NAMED_ELEMENT(Pinyin)
    QML_SINGLETON
public:
    static PinyinEngine *create(QQmlEngine *, QJSEngine *)
    {
        return InputSingletons::handOver(InputSingletons::current().pinyin);
    }
};

struct KeyboardSingleton
{
    Q_GADGET
    QML_FOREIGN(KeyboardController)
    QML_NAMED_ELEMENT(Keyboard)
    QML_SINGLETON
public:
    static KeyboardController *create(QQmlEngine *, QJSEngine *)
    {
        return InputSingletons::handOver(InputSingletons::current().keyboard);
    }
};
