#pragma once

#include <QString>

// Where a camera's frames come from, parsed from the string in the site config (or a test):
//   v4l2:/dev/video0?width=1920&height=1080&fps=30&format=MJPG   a UVC camera; the values are requests,
//                                                                 what the driver gave is read back
//   file:/path/video.mp4?loop=1&fps=25                            a recorded video (FFmpeg)
//   images:/path/frame_%03d.png?loop=1&fps=30                     an image sequence (printf pattern)
//   gst:videotestsrc num-buffers=30 ! videoconvert ! appsink      a GStreamer pipeline ending in appsink
// Options after '?' (not for gst:, whose pipeline is taken verbatim): width, height, fps (v4l2: the rate
// asked for; file/images: the pace of playback, default the file's rate or 30), format (a V4L2 FourCC,
// v4l2 only), loop (0/1, file/images only: start again at the end instead of ending).
// Pure value type, any thread.
struct CameraSource
{
    enum class Kind { Invalid, V4l2, File, Images, GStreamer };

    Kind kind = Kind::Invalid;
    QString location; // device node, file, sequence pattern or pipeline
    int width = 0;    // 0: whatever the source gives
    int height = 0;
    double fps = 0;
    QString fourcc; // "MJPG", "YUYV"; empty: the driver's default
    bool loop = false;
    QString error; // why parse() refused the text (Kind::Invalid)

    bool isValid() const { return kind != Kind::Invalid; }
    // Live sources (a camera, a pipeline) are retried after they fail; a file that ends has ended.
    bool isLive() const { return kind == Kind::V4l2 || kind == Kind::GStreamer; }

    static CameraSource parse(const QString &text);
    QString toString() const;
    static QString kindName(Kind kind); // "v4l2", "file", "images", "gst", "invalid"
};
