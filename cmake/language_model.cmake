# The small causal language model (src/lm, plus its own layers src/nn/layernorm, gelu,
# feed_forward): a native library, its doctest suite (native and wasm), the native trainer
# `lm-train` (npm run train:lm), and the lm_* C ABI (wasm/lm_abi.cpp) compiled into its own lazily
# loaded wasm module (attention-lm-{simd,scalar}.wasm, built in CMakeLists.txt). Included from CMakeLists.txt after the nn layers are defined (NN_SOURCES).
set(LM_SOURCES
  src/nn/layernorm.cpp src/nn/gelu.cpp src/nn/feed_forward.cpp
  src/lm/params.cpp src/lm/init.cpp src/lm/model.cpp src/lm/output_layer.cpp src/lm/weights_file.cpp src/lm/stages.cpp)
set(LM_TEST_SOURCES tests/cpp/main.cpp tests/cpp/lm_layers.cpp tests/cpp/lm_model.cpp tests/cpp/lm_weights_file.cpp tests/cpp/lm_stages.cpp)
# The exports of wasm/lm_abi.cpp, listed once.
set(LM_EXPORTS "_lm_simd_build,_lm_alloc,_lm_free,_lm_load,_lm_last_error,_lm_info,_lm_tokens,_lm_targets,_lm_run,_lm_attention,_lm_logits,_lm_loss,_lm_stage_count,_lm_stage_at,_lm_stage_name_of,_lm_stage_layered,_lm_stage,_lm_dispose")

if(EMSCRIPTEN)
  add_executable(lm_tests_wasm ${LM_TEST_SOURCES} ${LM_SOURCES} ${NN_SOURCES} src/softmax.cpp)
  target_include_directories(lm_tests_wasm PRIVATE src tests/cpp ${ATTN_SHIM})
  target_compile_definitions(lm_tests_wasm PRIVATE ATTN_SIMD=1 EIGEN_DONT_VECTORIZE)
  target_compile_options(lm_tests_wasm PRIVATE -O2 -msimd128 -msse4.1)
  target_link_options(lm_tests_wasm PRIVATE -O2 -msimd128 -sSINGLE_FILE=1 -sEXIT_RUNTIME=1
    -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=node)
  set_target_properties(lm_tests_wasm PROPERTIES SUFFIX ".cjs")
  add_test(NAME cpp_lm_wasm_node COMMAND node ${CMAKE_BINARY_DIR}/lm_tests_wasm.cjs)

  # The lm_* ABI is its own wasm module (attention-lm-*, attn_lazy_module in CMakeLists.txt).
else()
  add_library(lm_core STATIC ${LM_SOURCES} src/lm/corpus_data.cpp)
  target_link_libraries(lm_core PUBLIC attention_core)
  target_compile_options(lm_core PRIVATE -Wall -Wextra)
  # The output layer (N × d × 4000 products) dominates training time: let Eigen use every vector
  # unit of the machine that trains. Only the native trainer and tests use this build.
  include(CheckCXXCompilerFlag)
  check_cxx_compiler_flag(-march=native LM_HAS_MARCH_NATIVE)
  target_compile_definitions(lm_core PRIVATE LM_EIGEN_OUTPUT)
  if(LM_HAS_MARCH_NATIVE)
    set_source_files_properties(src/lm/output_layer.cpp PROPERTIES COMPILE_OPTIONS "-march=native;-Wno-maybe-uninitialized")
  endif()
  find_package(Threads REQUIRED)
  add_executable(lm-train src/lm/train_cli.cpp)
  target_link_libraries(lm-train PRIVATE lm_core Threads::Threads)
  add_executable(lm_tests ${LM_TEST_SOURCES})
  target_include_directories(lm_tests PRIVATE tests/cpp)
  target_link_libraries(lm_tests PRIVATE lm_core doctest::doctest)
  add_test(NAME cpp_lm_native COMMAND lm_tests)
endif()
