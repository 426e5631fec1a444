#pragma once

#include "EscPosElement.h"

#include <QByteArray>

// Decoded elements as JSON lines, one compact object per element, main key first:
//   {"text":"社区服务中心","align":"centre","bold":true,"underline":1,"size":[2,2]}  (style keys only when
//   not default)
//   {"qr":"https://…","module":6,"ec":"M"}   or {"qr_hex":"…",…} when the data is not UTF-8
//   {"barcode":"123","type":"CODE128"}   {"image":[384,120]}   {"cut":true,"partial":true}
//   {"cmd":"feed","lines":3}   {"cmd":"align","bytes":"1b 61 01"}   {"cmd":"unknown","offset":7,"bytes":"1b
//   7f"}
//   {"error":"truncated …","offset":42}
// Used by the tests and by `kioskctl escpos-decode`. Thread: any.
struct EscPosJson
{
    static QByteArray line(const EscPosElement &element);    // without the newline
    static QByteArray lines(const EscPosElements &elements); // each line ends with '\n'
};
