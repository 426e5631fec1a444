/* A stand-in for a vendor WLT decoder with the ABI WltPhotoDecoder assumes:
 *   int unpack(char *wlt, char *bgr, int bmpSave) -> 102x126 BGR (38556 bytes), 1 on success.
 * Pixel (x, y) is B = x, G = y, R = wlt[(x + y) % 1024]. A first WLT byte 0xEE fails with -3. */
extern "C" __attribute__((visibility("default"))) int unpack(char *wlt, char *bgr, int bmpSave)
{
    (void)bmpSave;
    if ((unsigned char)wlt[0] == 0xEE)
        return -3;
    for (int y = 0; y < 126; ++y) {
        for (int x = 0; x < 102; ++x) {
            char *p = bgr + (y * 102 + x) * 3;
            p[0] = (char)x;
            p[1] = (char)y;
            p[2] = wlt[(x + y) % 1024];
        }
    }
    return 1;
}
