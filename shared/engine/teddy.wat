;; A multi-literal scanner ("Teddy", after Hyperscan's and Rust aho-corasick's): for each of the
;; first three bytes of the literals, two 16-byte tables map a byte's low and high nibble to the
;; buckets (bits) holding a literal with such a nibble there; a position where all three bytes allow
;; a bucket is compared with each of that bucket's literals, eight bytes at a time. Beside them, where
;; four single bytes ("marks") stand: a bitmap each, a bit a byte; and a fifth bitmap, of where 8
;; characters of a digit run (digits, blank, `-`, `.`, `(`, `)`, `+`) start in a row. 16 positions
;; a step, with SIMD. Built into teddy-wasm.ts by `npm run build:wasm`; a unit test checks that the two agree.
;; The caller is anchors.ts.
;;
;; Memory (the caller fills the tables):
;;   0-95     the nibble tables: low nibbles of byte 0, high nibbles of byte 0, then of bytes 1 and 2
;;   96-111   scratch
;;   128-163  where each bucket's literals start in the list below (9 x u32: bucket b is [b, b+1))
;;   164-167  the marks
;;   256-     the literals, 24 bytes each: their first 8 bytes (u64), the mask of those that count
;;            (u64), their slot (u32)
;; The input, and at least 32 zero bytes after it; the matches' offsets (u32) and slots (u8); the
;; five bitmaps (u16 a block of 16 bytes, then at least three blocks more, the first of them zero),
;; `stride` bytes apart.
(module
  (memory (export "memory") 1)
  ;; The literals at [0, len) of the input at `in`, in order of offset: their offsets to `out`, their
  ;; slots to `slots`; the bitmaps to `marks`. Returns how many literals, or -1 when there are
  ;; more than `cap`. A literal longer than eight bytes matched its first eight.
  (func (export "scan") (param $in i32) (param $len i32) (param $out i32) (param $slots i32) (param $cap i32)
                        (param $marks i32) (param $stride i32) (result i32)
    (local $i i32) (local $n i32) (local $lanes i32) (local $k i32) (local $pos i32) (local $buckets i32)
    (local $b i32) (local $e i32) (local $end i32) (local $x i64) (local $p i32)
    (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128) (local $lo2 v128) (local $hi2 v128)
    (local $nib v128) (local $v v128) (local $m v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $map i32) (local $w i32)
    (local.set $lo0 (v128.load (i32.const 0)))
    (local.set $hi0 (v128.load (i32.const 16)))
    (local.set $lo1 (v128.load (i32.const 32)))
    (local.set $hi1 (v128.load (i32.const 48)))
    (local.set $lo2 (v128.load (i32.const 64)))
    (local.set $hi2 (v128.load (i32.const 80)))
    (local.set $nib (i8x16.splat (i32.const 15)))
    (local.set $c0 (i8x16.splat (i32.load8_u (i32.const 164))))
    (local.set $c1 (i8x16.splat (i32.load8_u (i32.const 165))))
    (local.set $c2 (i8x16.splat (i32.load8_u (i32.const 166))))
    (local.set $c3 (i8x16.splat (i32.load8_u (i32.const 167))))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $p (i32.add (local.get $in) (local.get $i)))
        (local.set $v (v128.load (local.get $p)))
        ;; The marks (the zero bytes after the input hold none).
        (local.set $map (i32.add (local.get $marks) (i32.shr_u (local.get $i) (i32.const 3))))
        (i32.store16 (local.get $map) (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c0))))
        (local.set $map (i32.add (local.get $map) (local.get $stride)))
        (i32.store16 (local.get $map) (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c1))))
        (local.set $map (i32.add (local.get $map) (local.get $stride)))
        (i32.store16 (local.get $map) (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c2))))
        (local.set $map (i32.add (local.get $map) (local.get $stride)))
        (i32.store16 (local.get $map) (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $c3))))
        ;; The characters of a digit run (8 in a row: below, once the whole line is mapped).
        (local.set $map (i32.add (local.get $map) (local.get $stride)))
        (i32.store16 (local.get $map) (i8x16.bitmask (v128.or
          (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 48))) (i8x16.splat (i32.const 10)))
          (v128.or
            (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 32))) (i8x16.eq (local.get $v) (i8x16.splat (i32.const 45))))
            (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 46)))
              (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 43)))
                (i8x16.eq (v128.or (local.get $v) (i8x16.splat (i32.const 1))) (i8x16.splat (i32.const 41))))))))) ;; ( )
        (local.set $m (v128.and
          (i8x16.swizzle (local.get $lo0) (v128.and (local.get $v) (local.get $nib)))
          (i8x16.swizzle (local.get $hi0) (i8x16.shr_u (local.get $v) (i32.const 4)))))
        (local.set $v (v128.load offset=1 (local.get $p)))
        (local.set $m (v128.and (local.get $m) (v128.and
          (i8x16.swizzle (local.get $lo1) (v128.and (local.get $v) (local.get $nib)))
          (i8x16.swizzle (local.get $hi1) (i8x16.shr_u (local.get $v) (i32.const 4))))))
        (local.set $v (v128.load offset=2 (local.get $p)))
        (local.set $m (v128.and (local.get $m) (v128.and
          (i8x16.swizzle (local.get $lo2) (v128.and (local.get $v) (local.get $nib)))
          (i8x16.swizzle (local.get $hi2) (i8x16.shr_u (local.get $v) (i32.const 4))))))
        (local.set $lanes (i8x16.bitmask (i8x16.ne (local.get $m) (v128.const i64x2 0 0))))
        (if (local.get $lanes)
          (then
            (v128.store (i32.const 96) (local.get $m))
            (loop $lane
              (local.set $k (i32.ctz (local.get $lanes)))
              (local.set $lanes (i32.and (local.get $lanes) (i32.sub (local.get $lanes) (i32.const 1))))
              (local.set $pos (i32.add (local.get $i) (local.get $k)))
              (if (i32.lt_u (local.get $pos) (local.get $len))
                (then
                  (local.set $x (i64.load (i32.add (local.get $in) (local.get $pos))))
                  (local.set $buckets (i32.load8_u offset=96 (local.get $k)))
                  (loop $bucket
                    (local.set $b (i32.ctz (local.get $buckets)))
                    (local.set $buckets (i32.and (local.get $buckets) (i32.sub (local.get $buckets) (i32.const 1))))
                    (local.set $e (i32.load offset=128 (i32.shl (local.get $b) (i32.const 2))))
                    (local.set $end (i32.load offset=132 (i32.shl (local.get $b) (i32.const 2))))
                    (block $checked
                      (loop $literal
                        (br_if $checked (i32.ge_u (local.get $e) (local.get $end)))
                        (local.set $p (i32.add (i32.const 256) (i32.mul (local.get $e) (i32.const 24))))
                        (if (i64.eq (i64.and (local.get $x) (i64.load offset=8 (local.get $p))) (i64.load (local.get $p)))
                          (then
                            (if (i32.ge_u (local.get $n) (local.get $cap)) (then (return (i32.const -1))))
                            (i32.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2))) (local.get $pos))
                            (i32.store8 (i32.add (local.get $slots) (local.get $n)) (i32.load offset=16 (local.get $p)))
                            (local.set $n (i32.add (local.get $n) (i32.const 1)))))
                        (local.set $e (i32.add (local.get $e) (i32.const 1)))
                        (br $literal)))
                    (br_if $bucket (local.get $buckets)))))
              (br_if $lane (local.get $lanes)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    ;; One block more, empty, so the bitmaps can be read 32 bits at a time.
    (local.set $map (i32.add (local.get $marks) (i32.shr_u (local.get $i) (i32.const 3))))
    (i32.store16 (local.get $map) (i32.const 0))
    (i32.store16 (i32.add (local.get $map) (local.get $stride)) (i32.const 0))
    (i32.store16 (i32.add (local.get $map) (i32.shl (local.get $stride) (i32.const 1))) (i32.const 0))
    (i32.store16 (i32.add (local.get $map) (i32.mul (local.get $stride) (i32.const 3))) (i32.const 0))
    (i32.store16 (i32.add (local.get $map) (i32.shl (local.get $stride) (i32.const 2))) (i32.const 0))
    ;; The fifth bitmap, from where run characters stand to where 8 of them start in a row: each word
    ;; with the next one's bits above it, ANDed with itself shifted by 1, 2, 4. In place, upwards (a
    ;; word is read as the next one before it is rewritten).
    (local.set $map (i32.add (local.get $marks) (i32.shl (local.get $stride) (i32.const 2))))
    (local.set $w (i32.const 0))
    (block $mapped
      (loop $word
        (br_if $mapped (i32.ge_u (i32.shl (local.get $w) (i32.const 5)) (local.get $len)))
        (local.set $x (i64.load (i32.add (local.get $map) (i32.shl (local.get $w) (i32.const 2)))))
        (local.set $x (i64.and (local.get $x) (i64.shr_u (local.get $x) (i64.const 1))))
        (local.set $x (i64.and (local.get $x) (i64.shr_u (local.get $x) (i64.const 2))))
        (local.set $x (i64.and (local.get $x) (i64.shr_u (local.get $x) (i64.const 4))))
        (i64.store32 (i32.add (local.get $map) (i32.shl (local.get $w) (i32.const 2))) (local.get $x))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))
        (br $word)))
    (local.get $n)))
