# Debian 12 splits OpenCV 4.6 into per-module -dev packages that ship neither OpenCVConfig.cmake nor
# opencv4.pc (those come with the big libopencv-dev). onestop::opencv links the modules the kiosk uses.
find_path(ONESTOP_OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
set(_onestop_opencv_libs)
foreach(_m core imgproc imgcodecs videoio objdetect)
  find_library(ONESTOP_OPENCV_${_m}_LIBRARY opencv_${_m} REQUIRED)
  list(APPEND _onestop_opencv_libs ${ONESTOP_OPENCV_${_m}_LIBRARY})
endforeach()
add_library(onestop_opencv INTERFACE IMPORTED GLOBAL)
add_library(onestop::opencv ALIAS onestop_opencv)
target_include_directories(onestop_opencv SYSTEM INTERFACE ${ONESTOP_OPENCV_INCLUDE_DIR})
target_link_libraries(onestop_opencv INTERFACE ${_onestop_opencv_libs})
