#!/usr/bin/env python3
"""Writes the fuzz seeds that are not copies of fixtures. Run from anywhere; output beside this file.
seeds/sam/*.bin are copies of tests/fixtures/idcard-sam/*.bin; this adds a stream with garbage in front.
seeds/scanner/: records of (size byte, hidraw report), the format fuzz_scanner_codec.cpp reads."""
import pathlib

here = pathlib.Path(__file__).resolve().parent


def report(data: bytes, more: bool, aim: bytes = b"]Q1") -> bytes:
    r = bytearray(64)
    r[0] = 0x02
    r[1] = len(data)
    r[2:5] = aim
    r[5:5 + len(data)] = data
    r[61] = 0x51
    r[63] = 1 if more else 0
    return bytes(r)


def records(payload: bytes, aim: bytes = b"]Q1") -> bytes:
    out = b""
    for i in range(0, max(len(payload), 1), 56):
        out += bytes([64]) + report(payload[i:i + 56], i + 56 < len(payload), aim)
    return out


def main():
    scanner = here / "seeds" / "scanner"
    scanner.mkdir(parents=True, exist_ok=True)
    (scanner / "ean13.bin").write_bytes(records(b"6901234567892", b"]E0"))
    (scanner / "utf8-3-reports.bin").write_bytes(records("办事大厅预约码".encode() * 6))
    (scanner / "gb18030.bin").write_bytes(records("预约号A0193 街道社区政务服务中心 请凭此码办理".encode("gb18030")))
    (scanner / "serial-lines.bin").write_bytes(b"A1\r\nB2\rC3\n" + "预约\r\n".encode())
    sam = here / "seeds" / "sam"
    no_card = (sam / "error-no-card.bin").read_bytes()
    resident = (sam / "resident.bin").read_bytes()
    (sam / "stream-garbage-resident-nocard.bin").write_bytes(bytes.fromhex("0013AAAA96FFAAAAAA960055") + resident + no_card)


if __name__ == "__main__":
    main()
