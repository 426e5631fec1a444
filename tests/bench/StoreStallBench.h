#pragma once

#include <QString>

#include <vector>

// How long the GUI thread's event loop is held up while residents' cases are committed, with the store where
// the kiosk keeps it (its own thread: StoreExecutor::startWorker) beside the store on the GUI thread
// (StoreExecutor::onThisThread, as before issue 10). In both, `commits` cases go through the executor one
// after another while a 1 ms timer on the GUI thread records the gaps between its ticks (a frame at 60 Hz is
// 16.7 ms: a gap longer than that is a dropped frame).
struct StallFigures
{
    std::vector<double> workerGapsMs; // store on its own thread
    std::vector<double> inlineGapsMs; // store on the GUI thread
    std::vector<double> roundTripMs;  // post -> answer on the GUI thread, store on its own thread
    QString error;
};

StallFigures measureGuiStalls(int commits);
